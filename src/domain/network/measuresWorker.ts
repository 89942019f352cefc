// Worker-thread entry (loaded by piscina from services/networkMeasures.ts): the whole-network
// measures off the main thread, so requests keep being answered while they run.
import { computeMeasures, type MeasuresInput, type NetworkMeasures } from './measures.ts';

export default function run(input: MeasuresInput): NetworkMeasures {
  return computeMeasures(input);
}
