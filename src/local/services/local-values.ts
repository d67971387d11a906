// Host objects that live in the worker as local objects (see LocalValueFactory): name → factory.
import type { LocalValueFactory } from '../runtime/wire';

export const localValueFactories: Record<string, LocalValueFactory> = {};
