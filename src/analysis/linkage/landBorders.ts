/**
 * Countries that share a land border, as pairs of ISO 3166-1 alpha-2 codes ("BGRO" is Bulgaria
 * and Romania). From the "neighbours" column of GeoNames' countryInfo.txt (geonames.org, CC BY
 * 4.0), taken in 2020, without the dissolved CS (Serbia and Montenegro) and AN (Netherlands
 * Antilles); a border listed by either country counts.
 */
const LAND_BORDER_PAIRS =
  'ADES ADFR AEOM AESA AFCN AFIR AFPK AFTJ AFTM AFUZ ALGR ALME ALMK ALRS ALXK AMAZ AMGE AMIR AMTR ' +
  'AOCD AOCG AONA AOZM ARBO ARBR ARCL ARPY ARUY ATCH ATCZ ATDE ATHU ATIT ATLI ATSI ATSK AZGE AZIR ' +
  'AZRU AZTR BAHR BAME BARS BDIN BDMM BEDE BEFR BELU BENL BFBJ BFCI BFGH BFML BFNE BFTG BGGR BGMK ' +
  'BGRO BGRS BGTR BICD BIRW BITZ BJNE BJNG BJTG BNMY BOBR BOCL BOPE BOPY BRCO BRGF BRGY BRPE BRPY ' +
  'BRSR BRUY BRVE BTCN BTIN BWNA BWZA BWZW BYLT BYLV BYPL BYRU BYUA BZGT BZMX CAUS CDCF CDCG CDRW ' +
  'CDSS CDTZ CDUG CDZM CFCG CFCM CFSD CFSS CFTD CGCM CGGA CHDE CHFR CHIT CHLI CIGH CIGN CILR CIML ' +
  'CLPE CMGA CMGQ CMNG CMTD CNIN CNKG CNKP CNKZ CNLA CNMM CNMN CNNP CNPK CNRU CNTJ CNVN COEC COPA ' +
  'COPE COVE CRNI CRPA CUUS CZDE CZPL CZSK DEDK DEFR DELU DENL DEPL DJER DJET DJSO DOHT DZEH DZLY ' +
  'DZMA DZML DZMR DZNE DZTN ECPE EELV EERU EGIL EGLY EGPS EGSD EHMA EHMR ERET ERSD ESFR ESGI ESMA ' +
  'ESPT ETKE ETSD ETSO ETSS FINO FIRU FISE FRIT FRLU FRMC GAGQ GBIE GERU GETR GFSR GHTG GMSN GNGW ' +
  'GNLR GNML GNSL GNSN GRMK GRTR GTHN GTMX GTSV GWSN GYSR GYVE HNNI HNSV HRHU HRME HRRS HRSI HURO ' +
  'HURS HUSI HUSK HUUA IDMY IDPG IDTL ILJO ILLB ILPS ILSY INMM INNP INPK IQIR IQJO IQKW IQSA IQSY ' +
  'IQTR IRPK IRTM IRTR ITSI ITSM ITVA JOPS JOSA JOSY KESO KESS KETZ KEUG KGKZ KGTJ KGUZ KHLA KHTH ' +
  'KHVN KPKR KPRU KWSA KZRU KZTM KZUZ LAMM LATH LAVN LBSY LRSL LSZA LTLV LTPL LTRU LVRU LYNE LYSD ' +
  'LYTD LYTN MDRO MDUA MERS MEXK MFSX MKRS MKXK MLMR MLNE MLSN MMTH MNRU MRSN MWMZ MWTZ MWZM MXUS ' +
  'MYTH MZSZ MZTZ MZZA MZZM MZZW NAZA NAZM NENG NETD NGTD NORU NOSE OMSA OMYE PLRU PLSK PLUA QASA ' +
  'RORS ROUA RSXK RUUA RWTZ RWUG SAYE SDSS SDTD SKUA SSUG SYTR SZZA TJUZ TMUZ TZUG TZZM ZAZW ZMZW';

const codes: string[] = [];
const indexOfCode = new Map<string, number>();
function indexOf(code: string): number {
  let index = indexOfCode.get(code);
  if (index === undefined) {
    index = codes.length;
    indexOfCode.set(code, index);
    codes.push(code);
  }
  return index;
}
const borders: (readonly [number, number])[] = LAND_BORDER_PAIRS.split(' ').map((pair) => [indexOf(pair.slice(0, 2)), indexOf(pair.slice(2, 4))]);
const adjacent = new Uint8Array(codes.length * codes.length);
for (const [a, b] of borders) {
  adjacent[a * codes.length + b] = 1;
  adjacent[b * codes.length + a] = 1;
}

/**
 * The country's index among those with a land border, from a nationality as normalised for
 * linkage (upper-case letters): an alpha-2 code is looked up; anything else, or a country
 * without land borders (an island), is -1.
 */
export function borderCountryIndex(nationality: string | null): number {
  return nationality === null ? -1 : (indexOfCode.get(nationality) ?? -1);
}

/** Whether two countries (indices from borderCountryIndex) share a land border. */
export function shareLandBorder(a: number, b: number): boolean {
  return a >= 0 && b >= 0 && adjacent[a * codes.length + b] === 1;
}
