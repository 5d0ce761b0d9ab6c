// Portable stories for @storybook/web-components (which has no composeStories of its own).
// In web-test-runner these imports resolve to test/vendor/storybook-portable.js (see web-test-runner.config.mjs).
import { composeStories as composeAll } from 'storybook/preview-api';
import { setProjectAnnotations } from '@storybook/web-components-vite';
import type { TemplateResult } from 'lit';
import * as preview from '../../.storybook/preview.js';

// Global decorators and parameters from .storybook/preview.ts (language and theme wrapper).
setProjectAnnotations([preview]);

export type ComposedStory = ((args?: Record<string, unknown>) => TemplateResult) & {
  args: Record<string, unknown>;
  storyName: string;
  id: string;
};

export function composeStories(storiesModule: Record<string, unknown>): Record<string, ComposedStory> {
  return composeAll(storiesModule as never, {});
}
