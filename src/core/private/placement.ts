import { Construct } from 'constructs';
import { AzureNameRule } from '../names';
import { checkLocation } from './regions';
import { checkField, checkNotBlank, checkTrimmed, is } from './validate';

/**
 * Validates the two props every resource-creating construct takes: a resource group name that
 * Azure accepts, and a known region (without stray whitespace).
 */
export function checkPlacement(scope: Construct, resourceGroupName: string, location: string): void {
  checkField(scope, 'resourceGroupName', resourceGroupName, is.string(true));
  checkNotBlank(scope, 'resourceGroupName', resourceGroupName);
  checkTrimmed(scope, 'resourceGroupName', resourceGroupName);
  AzureNameRule.RESOURCE_GROUP.validate(scope, 'resourceGroupName', resourceGroupName);
  checkField(scope, 'location', location, is.string(true));
  checkNotBlank(scope, 'location', location);
  checkLocation(scope, 'location', location);
}
