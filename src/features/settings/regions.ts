import { REGION_PRESETS, type RegionPreset } from '@/api';

export type RegionChoice = RegionPreset | 'custom';

export const REGION_OPTIONS: { value: RegionChoice; label: string }[] = [
  { value: 'us', label: 'US' },
  { value: 'eu', label: 'EU' },
  { value: 'au', label: 'AU' },
  { value: 'custom', label: 'Custom' },
];

export function regionOf(url: string): RegionChoice {
  const match = (Object.keys(REGION_PRESETS) as RegionPreset[]).find(
    (region) => REGION_PRESETS[region] === url,
  );
  return match ?? 'custom';
}

export const presetUrl = (region: RegionPreset) => REGION_PRESETS[region];
