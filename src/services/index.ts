import { ApiTokenService } from './apiTokens.ts';
import { AuditService } from './audit.ts';
import { AuthenticationService } from './authentication.ts';
import { EnforcementEditingService } from './enforcementEditing.ts';
import { EnforcementRecordingService } from './enforcementRecording.ts';
import { EnforcementExportService } from './enforcementExport.ts';
import { EnforcementRecordService } from './enforcementRecords.ts';
import { FollowUpService } from './followUps.ts';
import { OperationResultsService } from './operationResults.ts';
import type { ServiceContext } from './context.ts';
import { OrganisationService } from './organisations.ts';
import { UserService } from './users.ts';

export interface Services {
  context: ServiceContext;
  authentication: AuthenticationService;
  organisations: OrganisationService;
  users: UserService;
  apiTokens: ApiTokenService;
  audit: AuditService;
  enforcementRecords: EnforcementRecordService;
  enforcementRecording: EnforcementRecordingService;
  enforcementEditing: EnforcementEditingService;
  followUps: FollowUpService;
  enforcementExport: EnforcementExportService;
  operationResults: OperationResultsService;
}

/** Wires every service from one context: the composition root calls this once. */
export function createServices(context: ServiceContext): Services {
  const authentication = new AuthenticationService(context);
  const enforcementRecords = new EnforcementRecordService(context);
  const enforcementRecording = new EnforcementRecordingService(context);
  return {
    context,
    authentication,
    organisations: new OrganisationService(context),
    users: new UserService(context),
    apiTokens: new ApiTokenService(context, authentication),
    audit: new AuditService(context),
    enforcementRecords,
    enforcementRecording,
    enforcementEditing: new EnforcementEditingService(context, enforcementRecording),
    followUps: new FollowUpService(context),
    enforcementExport: new EnforcementExportService(context, enforcementRecords),
    operationResults: new OperationResultsService(context),
  };
}
