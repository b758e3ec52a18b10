// Province/city comparison for the destination check (rule A12): couriers write "江苏,苏州市",
// "江苏省苏州市" or just "苏州市"; the console writes province_name "江苏省", city_name "苏州市".

// Longest first, so "广西壮族自治区" loses "壮族自治区" rather than only "区".
const SUFFIXES = ['特别行政区', '维吾尔自治区', '壮族自治区', '回族自治区', '自治区', '自治州', '地区', '省', '市', '盟'];
const PROVINCE_END = /^(.+?(?:省|自治区|特别行政区))(.+)$/;

// Place names repeat across a shop's orders and traces (a few hundred cities), so both readings are
// remembered; the caches are emptied when they grow past what real place names could fill.
const CACHE_LIMIT = 5000;
const placeNames = new Map<string, string>();
const areas = new Map<string, Area>();

function remembered<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  const known = cache.get(key);
  if (known !== undefined) return known;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const value = compute(key);
  cache.set(key, value);
  return value;
}

export function placeName(name: string): string {
  return remembered(placeNames, name, stripSuffix);
}

function stripSuffix(name: string): string {
  const trimmed = name.trim();
  for (const suffix of SUFFIXES) {
    if (trimmed.length > suffix.length && trimmed.endsWith(suffix)) return trimmed.slice(0, -suffix.length);
  }
  return trimmed;
}

export interface Area {
  readonly province: string | null;
  readonly city: string | null;
}

export function parseArea(text: string): Area {
  return remembered(areas, text, readArea);
}

function readArea(text: string): Area {
  const parts = text.split(/[,，\s/|]+/).filter((part) => part !== '');
  const [first, second] = parts;
  if (first === undefined) return { province: null, city: null };
  if (second !== undefined) return { province: placeName(first), city: cityOf(second) };
  const split = PROVINCE_END.exec(first);
  if (split !== null) return { province: placeName(split[1] ?? ''), city: cityOf(split[2] ?? '') };
  return { province: null, city: cityOf(first) };
}

/** "苏州市吴中区" → 苏州; a district alone ("吴中区") says nothing about the city. */
function cityOf(text: string): string | null {
  const cityEnd = text.indexOf('市');
  if (cityEnd > 0) return placeName(text.slice(0, cityEnd + 1));
  if (text === '' || /[区县旗]$/.test(text)) return null;
  return placeName(text);
}

/** Different only when a side known on both differs; a missing side proves nothing. */
export function areasDiffer(a: Area, b: Area): boolean {
  if (a.province !== null && b.province !== null && a.province !== b.province) return true;
  return a.city !== null && b.city !== null && a.city !== b.city;
}
