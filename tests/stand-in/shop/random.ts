// The shop's seeded generator is the demo provider's (one PRNG for every synthetic timeline).
export { createRandom, seedOf, weightedPicker, type Random } from '../../../lib/tracking/demo/random';
