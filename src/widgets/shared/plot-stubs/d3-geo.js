// Stand-in for d3-geo in the site bundle (see ./aliases.mjs): Compressor Lab's plots use no map projections,
// so Observable Plot's references to them are never called. Every export of the real module exists here (checked by
// tests/unit/widgets/plot-stubs.test.ts) and throws if it is ever called.
function missing(name) {
  return () => {
    throw new Error(`d3-geo.${name} is not bundled with Compressor Lab`);
  };
}

export const geoAlbers = missing('geoAlbers');
export const geoAlbersUsa = missing('geoAlbersUsa');
export const geoArea = missing('geoArea');
export const geoAzimuthalEqualArea = missing('geoAzimuthalEqualArea');
export const geoAzimuthalEqualAreaRaw = missing('geoAzimuthalEqualAreaRaw');
export const geoAzimuthalEquidistant = missing('geoAzimuthalEquidistant');
export const geoAzimuthalEquidistantRaw = missing('geoAzimuthalEquidistantRaw');
export const geoBounds = missing('geoBounds');
export const geoCentroid = missing('geoCentroid');
export const geoCircle = missing('geoCircle');
export const geoClipAntimeridian = missing('geoClipAntimeridian');
export const geoClipCircle = missing('geoClipCircle');
export const geoClipExtent = missing('geoClipExtent');
export const geoClipRectangle = missing('geoClipRectangle');
export const geoConicConformal = missing('geoConicConformal');
export const geoConicConformalRaw = missing('geoConicConformalRaw');
export const geoConicEqualArea = missing('geoConicEqualArea');
export const geoConicEqualAreaRaw = missing('geoConicEqualAreaRaw');
export const geoConicEquidistant = missing('geoConicEquidistant');
export const geoConicEquidistantRaw = missing('geoConicEquidistantRaw');
export const geoContains = missing('geoContains');
export const geoDistance = missing('geoDistance');
export const geoEqualEarth = missing('geoEqualEarth');
export const geoEqualEarthRaw = missing('geoEqualEarthRaw');
export const geoEquirectangular = missing('geoEquirectangular');
export const geoEquirectangularRaw = missing('geoEquirectangularRaw');
export const geoGnomonic = missing('geoGnomonic');
export const geoGnomonicRaw = missing('geoGnomonicRaw');
export const geoGraticule = missing('geoGraticule');
export const geoGraticule10 = missing('geoGraticule10');
export const geoIdentity = missing('geoIdentity');
export const geoInterpolate = missing('geoInterpolate');
export const geoLength = missing('geoLength');
export const geoMercator = missing('geoMercator');
export const geoMercatorRaw = missing('geoMercatorRaw');
export const geoNaturalEarth1 = missing('geoNaturalEarth1');
export const geoNaturalEarth1Raw = missing('geoNaturalEarth1Raw');
export const geoOrthographic = missing('geoOrthographic');
export const geoOrthographicRaw = missing('geoOrthographicRaw');
export const geoPath = missing('geoPath');
export const geoProjection = missing('geoProjection');
export const geoProjectionMutator = missing('geoProjectionMutator');
export const geoRotation = missing('geoRotation');
export const geoStereographic = missing('geoStereographic');
export const geoStereographicRaw = missing('geoStereographicRaw');
export const geoStream = missing('geoStream');
// Plot calls geoTransform once while loading (its reflectY helper); the transform it returns is never used here.
export const geoTransform = () => ({ stream: missing('geoTransform().stream') });
export const geoTransverseMercator = missing('geoTransverseMercator');
export const geoTransverseMercatorRaw = missing('geoTransverseMercatorRaw');
