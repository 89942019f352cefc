import { ApiTokenService } from './apiTokens.ts';
import { AuditService } from './audit.ts';
import { AuthenticationService } from './authentication.ts';
import { DashboardService } from './dashboard/dashboard.ts';
import { EnforcementEditingService } from './enforcementEditing.ts';
import { EnforcementRecordingService } from './enforcementRecording.ts';
import { EnforcementExportService } from './enforcementExport.ts';
import { EnforcementRecordService } from './enforcementRecords.ts';
import { LinkageReviewService } from './linkage/linkageReview.ts';
import { LinkageRunService } from './linkage/linkageRuns.ts';
import { NotificationService } from './notifications.ts';
import { IntelligenceService } from './intelligence.ts';
import { NetworkService } from './network.ts';
import { NetworkChartService } from './networkCharts.ts';
import { NetworkMeasuresService } from './networkMeasures.ts';
import { HiddenScaleService } from './hiddenScale.ts';
import { FollowUpService } from './followUps.ts';
import { OperationResultsService } from './operationResults.ts';
import type { ServiceContext } from './context.ts';
import { OrganisationService } from './organisations.ts';
import { ApiTokenExpirySource } from './reminders/apiTokenExpiry.ts';
import { VictimDeadlineSource } from './reminders/victimDeadlines.ts';
import type { ReminderSource } from './reminders/reminderSource.ts';
import { InformationLineService } from './informationLine.ts';
import { PublicReportingService } from './publicReporting.ts';
import { PublicReportTriageService } from './publicReportTriage.ts';
import { StatisticsReleaseService } from './statistics/releases.ts';
import { UserService } from './users.ts';
import { VictimAnalysisService } from './victimCare/analysis.ts';
import { HtcdsExportService } from './victimCare/htcdsExport.ts';
import { VictimCareService } from './victimCare/care.ts';
import { VictimProtectionService } from './victimCare/protection.ts';
import { VictimDeadlineService } from './victimCare/deadlines.ts';
import { VictimDecisionService } from './victimCare/decisions.ts';
import { PotentialVictimService } from './victimCare/potentialVictims.ts';
import { VictimReferralService } from './victimCare/referrals.ts';

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
  linkageRuns: LinkageRunService;
  linkageReview: LinkageReviewService;
  notifications: NotificationService;
  /** What the reminder scheduler asks for due reminders: add a source here to have its reminders sent. */
  reminderSources: ReminderSource[];
  potentialVictims: PotentialVictimService;
  victimReferrals: VictimReferralService;
  victimDecisions: VictimDecisionService;
  victimDeadlines: VictimDeadlineService;
  victimCare: VictimCareService;
  victimProtection: VictimProtectionService;
  victimAnalysis: VictimAnalysisService;
  htcdsExport: HtcdsExportService;
  intelligence: IntelligenceService;
  network: NetworkService;
  networkCharts: NetworkChartService;
  networkMeasures: NetworkMeasuresService;
  hiddenScale: HiddenScaleService;
  publicReporting: PublicReportingService;
  publicReportTriage: PublicReportTriageService;
  informationLine: InformationLineService;
  dashboard: DashboardService;
  statisticsReleases: StatisticsReleaseService;
}

/** Wires every service from one context: the composition root calls this once. */
export function createServices(context: ServiceContext): Services {
  const authentication = new AuthenticationService(context);
  const enforcementRecords = new EnforcementRecordService(context);
  const intelligence = new IntelligenceService(context);
  const enforcementRecording = new EnforcementRecordingService(context);
  const victimDeadlines = new VictimDeadlineService(context);
  const potentialVictims = new PotentialVictimService(context);
  const network = new NetworkService(context, intelligence);
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
    linkageRuns: new LinkageRunService(context),
    linkageReview: new LinkageReviewService(context),
    notifications: new NotificationService(context),
    reminderSources: [
      new ApiTokenExpirySource(context),
      new VictimDeadlineSource(context, victimDeadlines),
    ],
    potentialVictims,
    victimReferrals: new VictimReferralService(context),
    victimDecisions: new VictimDecisionService(context),
    victimDeadlines,
    victimCare: new VictimCareService(context),
    victimProtection: new VictimProtectionService(context),
    victimAnalysis: new VictimAnalysisService(context),
    htcdsExport: new HtcdsExportService(context),
    intelligence,
    network,
    networkCharts: new NetworkChartService(context, network),
    networkMeasures: new NetworkMeasuresService(context, network),
    hiddenScale: new HiddenScaleService(context),
    publicReporting: new PublicReportingService(context),
    publicReportTriage: new PublicReportTriageService(context),
    informationLine: new InformationLineService(context, potentialVictims),
    dashboard: new DashboardService(context),
    statisticsReleases: new StatisticsReleaseService(context),
  };
}
