import { describe, expect, it } from 'vitest';
import {
  chooseRenderer,
  isSoftwareRenderer,
  WEBGL_THRESHOLD,
} from '../../client/src/graph/renderer-choice.js';

/** Renderer strings as browsers report them (UNMASKED_RENDERER_WEBGL). */
const SWIFTSHADER =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const LLVMPIPE = 'llvmpipe (LLVM 15.0.6, 256 bits)';
const SOFTPIPE = 'softpipe';
const WINDOWS_BASIC = 'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)';
const NVIDIA =
  'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002503) Direct3D11 vs_5_0 ps_5_0, D3D11)';
const INTEL = 'Mesa Intel(R) UHD Graphics 620 (KBL GT2)';
const APPLE = 'Apple M1';

describe('renderer choice', () => {
  it('recognises CPU-emulated WebGL by its renderer string', () => {
    for (const r of [SWIFTSHADER, LLVMPIPE, SOFTPIPE, WINDOWS_BASIC, 'Google SwiftShader']) {
      expect(isSoftwareRenderer(r), r).toBe(true);
    }
    for (const r of [NVIDIA, INTEL, APPLE]) expect(isSoftwareRenderer(r), r).toBe(false);
  });

  it('keeps canvas for a large graph when WebGL is software rendering', () => {
    const big = WEBGL_THRESHOLD * 10;
    expect(chooseRenderer(big, { renderer: SWIFTSHADER })).toBe('canvas');
    expect(chooseRenderer(big, { renderer: LLVMPIPE })).toBe('canvas');
  });

  it('chooses WebGL for a large graph on a real GPU, and canvas below the threshold', () => {
    expect(chooseRenderer(WEBGL_THRESHOLD, { renderer: NVIDIA })).toBe('webgl');
    expect(chooseRenderer(WEBGL_THRESHOLD, { renderer: APPLE })).toBe('webgl');
    expect(chooseRenderer(WEBGL_THRESHOLD - 1, { renderer: NVIDIA })).toBe('canvas');
  });

  it('draws with canvas when the browser has no WebGL2', () => {
    expect(chooseRenderer(WEBGL_THRESHOLD * 10, null)).toBe('canvas');
  });
});
