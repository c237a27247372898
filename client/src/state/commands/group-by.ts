import type { Command } from '../command.js';
import type { Grouping } from '../analysis.js';
import type { View } from '../view.js';

/** The rule to group by: every node by its label, or by one property's value. */
export type GroupRule =
  { readonly by: 'label' } | { readonly by: 'property'; readonly property: string };

function withGrouping(view: View, grouping: Grouping | null): View {
  return { ...view, analysis: { ...view.analysis, grouping } };
}

/**
 * Collapses the drawn nodes into groups by the rule (members are derived from what is drawn, see
 * grouping/groups.ts). The same rule again changes nothing; a new rule starts with every group
 * collapsed and lets the layout place the group nodes afresh.
 */
export const groupBy: Command<GroupRule> = {
  name: 'group by',
  record: true,
  perform: (view, rule) => {
    const property = rule.by === 'property' ? rule.property.trim() : null;
    if (rule.by === 'property' && !property) return view;
    const now = view.analysis.grouping;
    if (now && now.by === rule.by && now.property === property) return view;
    return withGrouping(view, { by: rule.by, property, expanded: [], positions: {} });
  },
};

/** Ungroup all: every member is drawn again where it stood before it was grouped. */
export const ungroupAll: Command<void> = {
  name: 'ungroup',
  record: true,
  perform: (view) => (view.analysis.grouping ? withGrouping(view, null) : view),
};
