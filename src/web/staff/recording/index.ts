// Pages where a force's officers record what they did, each one form that works without JavaScript.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../services/index.ts';
import { registerArrestRecording } from './arrests.ts';
import { registerSeizedAssetRecording } from './assets.ts';
import { registerChargeRecording } from './charges.ts';
import { registerPersonRecording } from './people.ts';
import { registerPremisesRecording } from './premises.ts';
import { registerVisitRecording } from './visits.ts';

export function registerRecordingRoutes(app: FastifyInstance, services: Services): void {
  registerPremisesRecording(app, services);
  registerVisitRecording(app, services);
  registerPersonRecording(app, services);
  registerArrestRecording(app, services);
  registerChargeRecording(app, services);
  registerSeizedAssetRecording(app, services);
}
