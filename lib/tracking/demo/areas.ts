// Places of the synthetic timelines (the synthetic shop's and the demo provider's): real province and city
// names, because the destination check (lib/findings/area.ts) compares them with the order's.
import { placeName } from '../../findings/area';

export interface Area {
  /** `province_name` as the console sends it. */
  province: string;
  /** `city_name`. */
  city: string;
  /** Province without its suffix, as Kuaidi100 writes `areaName` ("浙江,杭州市"). */
  short: string;
  /** Six-digit administrative code (Kuaidi100 `areaCode` is `CN` + code + `000000`). */
  code: string;
  /** The regional sorting centre couriers name in their events. */
  hub: string;
  weight: number;
  /** Kuaidi100 spellings, built once: events repeat them hundreds of thousands of times. */
  k100Name: string;
  k100Code: string;
}

const area = (province: string, city: string, short: string, code: string, hub: string, weight: number): Area => ({
  province,
  city,
  short,
  code,
  hub,
  weight,
  k100Name: province === city ? short : `${short},${city}`,
  k100Code: `CN${code}000000`,
});

export const DESTINATIONS: readonly Area[] = [
  area('浙江省', '杭州市', '浙江', '330100', '杭州转运中心', 8),
  area('浙江省', '宁波市', '浙江', '330200', '宁波转运中心', 4),
  area('江苏省', '南京市', '江苏', '320100', '南京转运中心', 5),
  area('江苏省', '苏州市', '江苏', '320500', '苏州转运中心', 5),
  area('上海市', '上海市', '上海', '310100', '上海转运中心', 7),
  area('北京市', '北京市', '北京', '110100', '北京转运中心', 6),
  area('广东省', '广州市', '广东', '440100', '广州转运中心', 7),
  area('广东省', '深圳市', '广东', '440300', '深圳转运中心', 7),
  area('四川省', '成都市', '四川', '510100', '成都转运中心', 5),
  area('湖北省', '武汉市', '湖北', '420100', '武汉转运中心', 4),
  area('山东省', '济南市', '山东', '370100', '济南转运中心', 3),
  area('山东省', '青岛市', '山东', '370200', '青岛转运中心', 3),
  area('河南省', '郑州市', '河南', '410100', '郑州转运中心', 4),
  area('福建省', '厦门市', '福建', '350200', '厦门转运中心', 2),
  area('湖南省', '长沙市', '湖南', '430100', '长沙转运中心', 3),
  area('陕西省', '西安市', '陕西', '610100', '西安转运中心', 3),
  area('广西壮族自治区', '南宁市', '广西', '450100', '南宁转运中心', 2),
  area('重庆市', '重庆市', '重庆', '500100', '重庆转运中心', 3),
  area('安徽省', '合肥市', '安徽', '340100', '合肥转运中心', 3),
  area('河北省', '石家庄市', '河北', '130100', '石家庄转运中心', 2),
];

/** Where the shop ships from (Yiwu, the small-goods capital). */
export const ORIGIN: Area = area('浙江省', '金华市', '浙江', '330700', '金华转运中心', 0);
export const ORIGIN_SITE = '义乌市场部';

/** Kuaidi100 `areaName`: "浙江,杭州市"; municipalities are written once ("上海"). */
export function areaName(place: Area): string {
  return place.k100Name;
}

/** Kuaidi100 `areaCode`: `CN` + the six-digit code + `000000`. */
export function areaCode(place: Area): string {
  return place.k100Code;
}

/**
 * The place for an order's province and city: the listed one when there is one, else one made from the names
 * (a real order goes to cities this list lacks; its code is unknown, so zeros).
 */
export function areaOf(province: string, city: string): Area {
  const listed = DESTINATIONS.find((place) => place.province === province && place.city === city);
  return listed ?? area(province, city, placeName(province), '000000', `${placeName(city)}转运中心`, 0);
}
