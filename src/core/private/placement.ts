import { Construct } from 'constructs';
import { AzureNameRule } from '../names';
import { checkLocation } from './regions';
import { checkNotBlank } from './validate';

/**
 * Validates the two props every resource-creating construct takes: a resource group name that
 * Azure accepts, and a known region.
 */
export function checkPlacement(scope: Construct, resourceGroupName: string, location: string): void {
  checkNotBlank(scope, 'resourceGroupName', resourceGroupName);
  AzureNameRule.RESOURCE_GROUP.validate(scope, 'resourceGroupName', resourceGroupName);
  checkLocation(scope, 'location', location);
}
