import type { Migration, MigrationProvider } from 'kysely';
import * as spine from './0001-spine.ts';
import * as operationRecords from './0002-operation-records.ts';
import * as importReferences from './0003-import-references.ts';
import * as listIndexes from './0004-list-indexes.ts';
import * as linkage from './0010-linkage.ts';
import * as reminders from './0008-reminders.ts';
import * as victimCare from './0007-victim-care.ts';
import * as victimCareSupport from './0014-victim-care-support.ts';
import * as intelligence from './0011-intelligence.ts';
import * as populationEstimates from './0012-population-estimates.ts';
import * as networkCharts from './0016-network-charts.ts';
import * as publicReports from './0009-public-reports.ts';
import * as informationLine from './0015-information-line.ts';
import * as recordEditsAndFollowUps from './0006-record-edits-and-follow-ups.ts';
import * as searchAndResults from './0005-search-and-results.ts';
import * as peopleFoundSearch from './0013-people-found-search.ts';
import * as statisticsReleases from './0018-statistics-releases.ts';
import * as dashboardSignature from './0017-dashboard-signature.ts';
import * as visitPremisesType from './0025-visit-premises-type.ts';
import * as premisesListOrder from './0026-premises-list-order.ts';

/** Migrations live in code (not files found at run time) so a bundled or installed Lifeline migrates the same way. */
const migrations: Record<string, Migration> = {
  '0001-spine': spine,
  '0002-operation-records': operationRecords,
  '0003-import-references': importReferences,
  '0004-list-indexes': listIndexes,
  '0010-linkage': linkage,
  '0008-reminders': reminders,
  '0007-victim-care': victimCare,
  '0011-intelligence': intelligence,
  '0012-population-estimates': populationEstimates,
  '0016-network-charts': networkCharts,
  '0009-public-reports': publicReports,
  '0006-record-edits-and-follow-ups': recordEditsAndFollowUps,
  '0005-search-and-results': searchAndResults,
  '0013-people-found-search': peopleFoundSearch,
  '0015-information-line': informationLine,
  '0014-victim-care-support': victimCareSupport,
  '0018-statistics-releases': statisticsReleases,
  '0017-dashboard-signature': dashboardSignature,
  '0025-visit-premises-type': visitPremisesType,
  '0026-premises-list-order': premisesListOrder,
};

export const inCodeMigrations: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};
