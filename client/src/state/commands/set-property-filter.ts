import type { Command } from '../command.js';
import type { PropertyFilter } from '../analysis.js';
import type { View } from '../view.js';

function withFilters(view: View, filters: readonly PropertyFilter[]): View {
  return { ...view, analysis: { ...view.analysis, propertyFilters: filters } };
}

/**
 * Sets the filter on one label's property (the filter by property panel): it replaces the filter
 * that label and property had, keeping the others and their order.
 */
export const setPropertyFilter: Command<PropertyFilter> = {
  name: 'filter by property',
  record: true,
  perform: (view, filter) => {
    const filters = view.analysis.propertyFilters;
    const at = filters.findIndex((f) => f.label === filter.label && f.property === filter.property);
    if (at >= 0 && JSON.stringify(filters[at]) === JSON.stringify(filter)) return view;
    return withFilters(
      view,
      at >= 0 ? filters.map((f, i) => (i === at ? filter : f)) : [...filters, filter],
    );
  },
};

/** Removes the filter on one label's property, or every property filter when `property` is null. */
export const clearPropertyFilter: Command<{
  readonly label: string | null;
  readonly property: string | null;
}> = {
  name: 'clear property filter',
  record: true,
  perform: (view, { label, property }) => {
    const filters = view.analysis.propertyFilters;
    const kept =
      label === null
        ? []
        : filters.filter(
            (f) => f.label !== label || (property !== null && f.property !== property),
          );
    return kept.length === filters.length ? view : withFilters(view, kept);
  },
};
