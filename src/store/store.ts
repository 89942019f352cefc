// The store: repositories bound to the database or to one transaction. Services never see SQL.
import type { Kysely } from 'kysely';
import { refreshQueryStatistics, type Database, type Dialect } from './database.ts';
import { ApiTokenRepository } from './repositories/apiTokens.ts';
import { ArrestRepository } from './repositories/arrests.ts';
import { DashboardRepository } from './repositories/dashboard.ts';
import { DashboardDaysRepository } from './repositories/dashboardDays.ts';
import { FollowUpRepository } from './repositories/followUps.ts';
import { FormSubmissionRepository } from './repositories/formSubmissions.ts';
import { ImportReferenceRepository } from './repositories/importReferences.ts';
import { LinkageRepository } from './repositories/linkage.ts';
import { IntelligenceRepository } from './repositories/intelligence.ts';
import { NetworkChartRepository } from './repositories/networkCharts.ts';
import { NetworkRepository } from './repositories/network.ts';
import { OperationRepository } from './repositories/operations.ts';
import { OperationResultsRepository } from './repositories/operationResults.ts';
import { PersonFoundRepository } from './repositories/peopleFound.ts';
import { PopulationEstimateRepository } from './repositories/populationEstimates.ts';
import { PremisesRepository } from './repositories/premises.ts';
import { StatisticsReleaseRepository } from './repositories/statisticsReleases.ts';
import { VictimCareRepository } from './repositories/victimCare.ts';
import { PublicReportRepository } from './repositories/publicReports.ts';
import { InformationLineRepository } from './repositories/informationLine.ts';
import { VisitRepository } from './repositories/visits.ts';
import { AuditEventRepository } from './repositories/auditEvents.ts';
import { EmailOutboxRepository } from './repositories/emailOutbox.ts';
import { NotificationRepository } from './repositories/notifications.ts';
import { OrganisationRepository } from './repositories/organisations.ts';
import { SessionRepository } from './repositories/sessions.ts';
import { UserRepository } from './repositories/users.ts';
import type { DatabaseSchema } from './schema.ts';

export interface Repositories {
  organisations: OrganisationRepository;
  users: UserRepository;
  sessions: SessionRepository;
  apiTokens: ApiTokenRepository;
  auditEvents: AuditEventRepository;
  operations: OperationRepository;
  premises: PremisesRepository;
  visits: VisitRepository;
  peopleFound: PersonFoundRepository;
  arrests: ArrestRepository;
  operationResults: OperationResultsRepository;
  formSubmissions: FormSubmissionRepository;
  followUps: FollowUpRepository;
  importReferences: ImportReferenceRepository;
  linkage: LinkageRepository;
  notifications: NotificationRepository;
  emailOutbox: EmailOutboxRepository;
  victimCare: VictimCareRepository;
  intelligence: IntelligenceRepository;
  network: NetworkRepository;
  networkCharts: NetworkChartRepository;
  populationEstimates: PopulationEstimateRepository;
  publicReports: PublicReportRepository;
  informationLine: InformationLineRepository;
  dashboard: DashboardRepository;
  dashboardDays: DashboardDaysRepository;
  statisticsReleases: StatisticsReleaseRepository;
}

function bindRepositories(db: Kysely<DatabaseSchema>, dialect: Dialect): Repositories {
  return {
    organisations: new OrganisationRepository(db),
    users: new UserRepository(db),
    sessions: new SessionRepository(db),
    apiTokens: new ApiTokenRepository(db),
    auditEvents: new AuditEventRepository(db, dialect),
    operations: new OperationRepository(db),
    premises: new PremisesRepository(db),
    visits: new VisitRepository(db),
    peopleFound: new PersonFoundRepository(db, dialect),
    arrests: new ArrestRepository(db),
    operationResults: new OperationResultsRepository(db),
    formSubmissions: new FormSubmissionRepository(db),
    followUps: new FollowUpRepository(db),
    importReferences: new ImportReferenceRepository(db),
    linkage: new LinkageRepository(db),
    notifications: new NotificationRepository(db),
    emailOutbox: new EmailOutboxRepository(db, dialect),
    victimCare: new VictimCareRepository(db),
    intelligence: new IntelligenceRepository(db),
    network: new NetworkRepository(db),
    networkCharts: new NetworkChartRepository(db),
    populationEstimates: new PopulationEstimateRepository(db),
    publicReports: new PublicReportRepository(db),
    informationLine: new InformationLineRepository(db),
    dashboard: new DashboardRepository(db),
    dashboardDays: new DashboardDaysRepository(db),
    statisticsReleases: new StatisticsReleaseRepository(db),
  };
}

export class Store {
  readonly repositories: Repositories;

  constructor(readonly database: Database) {
    this.repositories = bindRepositories(database.db, database.dialect);
  }

  get dialect(): Dialect {
    return this.database.dialect;
  }

  /** Runs work in one transaction: a change and its audit event commit together or not at all. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    return this.database.db.transaction().execute((trx) => work(bindRepositories(trx, this.database.dialect)));
  }

  refreshQueryStatistics(): Promise<void> {
    return refreshQueryStatistics(this.database);
  }

  close(): Promise<void> {
    return this.database.close();
  }
}
