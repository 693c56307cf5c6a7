import type * as ModelServingModule from '@cdktf/provider-databricks/lib/model-serving';
import type * as PermissionsModule from '@cdktf/provider-databricks/lib/permissions';
import type * as ProviderModule from '@cdktf/provider-databricks/lib/provider';
import type * as ServicePrincipalModule from '@cdktf/provider-databricks/lib/service-principal';
import { IConstruct } from 'constructs';
import { ruleError } from '../../core/private/validate';

/**
 * The optional peer dependency `@cdktf/provider-databricks`, loaded when a construct that needs it
 * is created, never when the library is: users who do not serve models from Databricks need not
 * install it, and `import 'cdktf-private-chat'` must work without it. Only type imports (erased at
 * compile time) appear at module level.
 */
export const DATABRICKS_PACKAGE = '@cdktf/provider-databricks';
/** The range the library is built and tested against (databricks provider 1.99.0). */
export const DATABRICKS_PACKAGE_RANGE = '^15.16.1';

export interface DatabricksModules {
  readonly modelServing: typeof ModelServingModule;
  readonly permissions: typeof PermissionsModule;
  readonly servicePrincipal: typeof ServicePrincipalModule;
  readonly provider: typeof ProviderModule;
}

/** Loads the per-resource modules, or throws a named error that says what to install. */
export function loadDatabricks(scope: IConstruct): DatabricksModules {
  try {
    /* eslint-disable @typescript-eslint/no-require-imports */
    return {
      modelServing: require('@cdktf/provider-databricks/lib/model-serving'),
      permissions: require('@cdktf/provider-databricks/lib/permissions'),
      servicePrincipal: require('@cdktf/provider-databricks/lib/service-principal'),
      provider: require('@cdktf/provider-databricks/lib/provider'),
    };
    /* eslint-enable @typescript-eslint/no-require-imports */
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== 'MODULE_NOT_FOUND' && !/Cannot find module/.test(String((e as Error).message))) throw e;
    throw ruleError(scope, `needs the optional peer dependency ${DATABRICKS_PACKAGE}@${DATABRICKS_PACKAGE_RANGE} (databricks provider 1.99.0): `
      + `run 'npm install ${DATABRICKS_PACKAGE}@${DATABRICKS_PACKAGE_RANGE}', got it missing`);
  }
}
