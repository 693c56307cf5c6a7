import { is, Shape } from '../../core/private/validate';

/** Fields of `FoundryProjectOptions` (`AiAccount.addProject`, and the base of `FoundryProjectProps`). */
export const FOUNDRY_PROJECT_OPTIONS_SHAPE: Shape = {
  name: is.string(),
  displayName: is.string(),
  description: is.string(),
  tags: is.stringMap(),
};
