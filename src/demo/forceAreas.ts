// Where each force's premises are: real postcode districts (or Eircode routing keys) with their
// post towns, and a rough size used to weight how many visits a force makes (officer numbers of
// the period, in thousands). The roster comes from the caller with its own codes, so forces are
// recognised by name; a force this table does not know falls back to its jurisdiction's area.
import type { ForceInput } from './records.ts';
import type { Jurisdiction } from './vocabulary.ts';

export interface PostcodeDistrict {
  /** Outward code ("E1", "B19") or Eircode routing key ("D07"). */
  district: string;
  town: string;
}

export interface ForceArea {
  key: string;
  /** Lower-case fragments of the force's name that identify it. */
  nameFragments: readonly string[];
  size: number;
  postcodeSystem: 'uk' | 'eircode';
  districts: readonly PostcodeDistrict[];
}

/** "London: E1 E2; Ilford: IG1" */
function districts(text: string): PostcodeDistrict[] {
  return text.split(';').flatMap((group) => {
    const [town = '', codes = ''] = group.split(':');
    return codes.trim().split(/\s+/).map((district) => ({ district, town: town.trim() }));
  });
}

function area(key: string, size: number, nameFragments: string[], text: string, postcodeSystem: 'uk' | 'eircode' = 'uk'): ForceArea {
  return { key, nameFragments, size, postcodeSystem, districts: districts(text) };
}

// Order matters: more specific names first ("city of london" before anything with "london",
// "northern ireland" before the Scottish "northern").
export const FORCE_AREAS: readonly ForceArea[] = [
  area('city-of-london', 0.8, ['city of london'], 'London: EC1A EC1M EC2A EC2M EC3A EC3N EC4A EC4M'),
  area('metropolitan', 31, ['metropolitan', 'met police'], 'London: E1 E2 E3 E5 E7 E8 E13 E15 E17 N4 N7 N15 N17 N18 NW2 NW10 SE1 SE5 SE15 SE18 SW2 SW9 W2 W3; Ilford: IG1 IG3; Croydon: CR0; Wembley: HA0; Southall: UB1; Hounslow: TW3; Enfield: EN1 EN3; Romford: RM1; Bromley: BR1'),
  area('british-transport', 2.8, ['british transport', 'transport police'], 'London: NW1 N1 SE1 EC2M; Birmingham: B2; Manchester: M1; Leeds: LS1; Glasgow: G1; Edinburgh: EH1'),
  area('west-midlands', 8.6, ['west midlands'], 'Birmingham: B1 B6 B10 B11 B12 B19 B21; Smethwick: B66; Coventry: CV1 CV6; Wolverhampton: WV1 WV2; Walsall: WS1; Dudley: DY1'),
  area('greater-manchester', 8.1, ['greater manchester', 'manchester'], 'Manchester: M1 M4 M8 M13 M14 M16 M40; Salford: M6; Bolton: BL1; Bury: BL9; Oldham: OL1; Rochdale: OL11; Stockport: SK1; Wigan: WN1; Altrincham: WA14'),
  area('west-yorkshire', 5.7, ['west yorkshire'], 'Leeds: LS1 LS7 LS8 LS9 LS11; Bradford: BD1 BD3 BD8; Huddersfield: HD1; Halifax: HX1; Wakefield: WF1'),
  area('south-yorkshire', 3.2, ['south yorkshire'], 'Sheffield: S1 S2 S3 S9; Doncaster: DN1; Rotherham: S60; Barnsley: S70'),
  area('north-yorkshire', 1.5, ['north yorkshire'], 'York: YO1 YO10 YO31; Harrogate: HG1; Scarborough: YO11; Northallerton: DL7'),
  area('merseyside', 4.5, ['merseyside'], 'Liverpool: L1 L6 L7 L8 L15; Birkenhead: CH41; St Helens: WA10; Southport: PR8'),
  area('northumbria', 4.1, ['northumbria'], 'Newcastle upon Tyne: NE1 NE4 NE6; Sunderland: SR1 SR4; North Shields: NE29; South Shields: NE33'),
  area('thames-valley', 4.2, ['thames valley'], 'Oxford: OX1 OX4; Reading: RG1 RG30; Slough: SL1; Milton Keynes: MK2 MK9; High Wycombe: HP11; Aylesbury: HP21'),
  area('kent', 3.8, ['kent'], 'Rochester: ME1; Gillingham: ME7; Maidstone: ME14; Canterbury: CT1; Margate: CT9; Folkestone: CT20; Dartford: DA1; Gravesend: DA11; Tunbridge Wells: TN1'),
  area('essex', 3.5, ['essex'], 'Southend-on-Sea: SS1 SS2; Basildon: SS14; Chelmsford: CM1; Colchester: CO1; Harlow: CM20; Grays: RM17'),
  area('hampshire', 3.7, ['hampshire'], 'Southampton: SO14 SO15; Portsmouth: PO1 PO4; Basingstoke: RG21; Farnborough: GU14; Winchester: SO23'),
  area('sussex', 3.1, ['sussex'], 'Brighton: BN1 BN2; Hove: BN3; Crawley: RH10; Eastbourne: BN21; Worthing: BN11; Hastings: TN34'),
  area('surrey', 2, ['surrey'], 'Guildford: GU1; Kingston upon Thames: KT1; Redhill: RH1; Woking: GU21; Staines-upon-Thames: TW18; Camberley: GU15'),
  area('avon-and-somerset', 3.4, ['avon'], 'Bristol: BS1 BS2 BS3 BS5; Bath: BA1; Taunton: TA1; Weston-super-Mare: BS23'),
  area('devon-and-cornwall', 3.5, ['devon', 'cornwall'], 'Plymouth: PL1 PL4; Exeter: EX1 EX4; Truro: TR1; Torquay: TQ1; Penzance: TR18'),
  area('dorset', 1.5, ['dorset'], 'Bournemouth: BH1 BH8; Poole: BH15; Dorchester: DT1; Weymouth: DT4'),
  area('wiltshire', 1.2, ['wiltshire'], 'Swindon: SN1 SN2; Salisbury: SP1; Trowbridge: BA14; Chippenham: SN15'),
  area('gloucestershire', 1.3, ['gloucestershire'], 'Gloucester: GL1; Cheltenham: GL50 GL51; Stroud: GL5'),
  area('bedfordshire', 1.2, ['bedfordshire'], 'Luton: LU1 LU2 LU4; Bedford: MK40 MK42'),
  area('hertfordshire', 2.1, ['hertfordshire'], 'St Albans: AL1; Watford: WD17 WD24; Stevenage: SG1; Hemel Hempstead: HP1; Bishop\'s Stortford: CM23'),
  area('cambridgeshire', 1.5, ['cambridgeshire'], 'Cambridge: CB1 CB4; Peterborough: PE1 PE2 PE3; Huntingdon: PE29; Wisbech: PE13'),
  area('norfolk', 1.6, ['norfolk'], 'Norwich: NR1 NR2 NR3; King\'s Lynn: PE30; Great Yarmouth: NR30 NR31'),
  area('suffolk', 1.3, ['suffolk'], 'Ipswich: IP1 IP4; Bury St Edmunds: IP33; Lowestoft: NR32'),
  area('lincolnshire', 1.2, ['lincolnshire'], 'Lincoln: LN1 LN2 LN5; Boston: PE21; Spalding: PE11; Grantham: NG31'),
  area('leicestershire', 2.3, ['leicestershire'], 'Leicester: LE1 LE2 LE3 LE4 LE5; Loughborough: LE11'),
  area('northamptonshire', 1.3, ['northamptonshire'], 'Northampton: NN1 NN2 NN5; Corby: NN17; Wellingborough: NN8; Kettering: NN16'),
  area('nottinghamshire', 2.4, ['nottinghamshire'], 'Nottingham: NG1 NG3 NG7; Mansfield: NG18; Worksop: S80'),
  area('derbyshire', 2.1, ['derbyshire'], 'Derby: DE1 DE23 DE24; Chesterfield: S40; Ilkeston: DE7'),
  area('staffordshire', 2.2, ['staffordshire'], 'Stoke-on-Trent: ST1 ST4 ST6; Stafford: ST16; Burton-on-Trent: DE14; Cannock: WS11'),
  area('warwickshire', 1, ['warwickshire'], 'Nuneaton: CV11; Rugby: CV21; Warwick: CV34; Stratford-upon-Avon: CV37; Bedworth: CV12'),
  area('west-mercia', 2.4, ['west mercia'], 'Worcester: WR1; Hereford: HR1; Shrewsbury: SY1; Telford: TF1; Kidderminster: DY10; Redditch: B97'),
  area('cheshire', 2.2, ['cheshire'], 'Chester: CH1; Warrington: WA1; Crewe: CW1; Macclesfield: SK11; Runcorn: WA7; Widnes: WA8; Ellesmere Port: CH65'),
  area('lancashire', 3.6, ['lancashire'], 'Preston: PR1; Blackburn: BB1; Burnley: BB11; Blackpool: FY1; Lancaster: LA1; Accrington: BB5'),
  area('cumbria', 1.2, ['cumbria'], 'Carlisle: CA1 CA2; Barrow-in-Furness: LA14; Whitehaven: CA28; Kendal: LA9'),
  area('cleveland', 1.7, ['cleveland'], 'Middlesbrough: TS1 TS3; Hartlepool: TS24; Stockton-on-Tees: TS18; Redcar: TS10'),
  area('durham', 1.6, ['durham'], 'Durham: DH1; Darlington: DL1 DL3; Bishop Auckland: DL14; Peterlee: SR8'),
  area('humberside', 2.2, ['humberside'], 'Hull: HU1 HU3 HU5; Grimsby: DN31 DN32; Scunthorpe: DN15; Bridlington: YO15'),
  area('south-wales', 3.2, ['south wales'], 'Cardiff: CF10 CF11 CF24; Swansea: SA1; Pontypridd: CF37; Port Talbot: SA13'),
  area('gwent', 1.5, ['gwent'], 'Newport: NP19 NP20; Pontypool: NP4; Ebbw Vale: NP23'),
  area('north-wales', 1.5, ['north wales'], 'Wrexham: LL11; Bangor: LL57; Rhyl: LL18; Llandudno: LL30; Deeside: CH5'),
  area('dyfed-powys', 1.2, ['dyfed', 'powys'], 'Carmarthen: SA31; Haverfordwest: SA61; Aberystwyth: SY23; Llandrindod Wells: LD1; Llanelli: SA15'),
  // Scotland's eight forces of the period, and Police Scotland for a present-day roster.
  area('strathclyde', 8, ['strathclyde'], 'Glasgow: G1 G4 G42 G51; Paisley: PA1; Motherwell: ML1; Kilmarnock: KA1'),
  area('lothian-and-borders', 2.9, ['lothian'], 'Edinburgh: EH1 EH6 EH7 EH11; Livingston: EH54; Galashiels: TD1'),
  area('grampian', 1.5, ['grampian'], 'Aberdeen: AB10 AB24; Peterhead: AB42; Elgin: IV30'),
  area('tayside', 1.2, ['tayside'], 'Dundee: DD1 DD4; Perth: PH1; Arbroath: DD11'),
  area('fife', 1.1, ['fife'], 'Kirkcaldy: KY1; Dunfermline: KY11; Glenrothes: KY7'),
  area('central-scotland', 0.8, ['central scotland'], 'Falkirk: FK1; Stirling: FK8; Alloa: FK10'),
  area('dumfries-and-galloway', 0.5, ['dumfries'], 'Dumfries: DG1; Stranraer: DG9'),
  area('northern-scotland', 0.7, ['northern constabulary', 'northern police'], 'Inverness: IV1 IV2; Wick: KW1; Stornoway: HS1; Lerwick: ZE1'),
  area('police-scotland', 17, ['police scotland', 'scotland'], 'Glasgow: G1 G4 G42 G51; Edinburgh: EH1 EH6 EH7 EH11; Aberdeen: AB10 AB24; Dundee: DD1; Inverness: IV1; Falkirk: FK1; Kirkcaldy: KY1; Dumfries: DG1; Paisley: PA1; Motherwell: ML1'),
  area('northern-ireland', 7.5, ['northern ireland', 'psni'], 'Belfast: BT1 BT7 BT9 BT12 BT14 BT15; Londonderry: BT48; Armagh: BT60; Newry: BT35; Omagh: BT79'),
  area('garda', 13, ['garda', 'ireland'], 'Dublin 1: D01; Dublin 2: D02; Dublin 7: D07; Dublin 8: D08; Dublin 15: D15; Dublin 24: D24; Cork: T12 T23; Galway: H91; Limerick: V94; Waterford: X91; Dundalk: A91; Drogheda: A92; Naas: W91', 'eircode'),
];

const JURISDICTION_FALLBACK: Readonly<Record<Jurisdiction, string>> = {
  'england-and-wales': 'metropolitan',
  scotland: 'police-scotland',
  'northern-ireland': 'northern-ireland',
  ireland: 'garda',
  'uk-wide': 'british-transport',
};

function normalisedName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]+/g, ' ').trim();
}

function areaByKey(key: string): ForceArea {
  const found = FORCE_AREAS.find((a) => a.key === key);
  if (found === undefined) throw new Error(`no force area "${key}"`);
  return found;
}

export function resolveForceArea(force: ForceInput): ForceArea {
  const name = normalisedName(force.name);
  const code = force.code.toLowerCase();
  const byName = FORCE_AREAS.find((a) => a.nameFragments.some((f) => name.includes(f) || code === f));
  // Ireland's jurisdiction is checked first because "ireland" is also in "Northern Ireland".
  if (force.jurisdiction === 'ireland') return byName?.postcodeSystem === 'eircode' ? byName : areaByKey('garda');
  if (byName !== undefined && byName.postcodeSystem === 'uk') return byName;
  return areaByKey(JURISDICTION_FALLBACK[force.jurisdiction]);
}

/** The country a force's officers write phone numbers from (decides "national" formats). */
export function recordingCountry(force: ForceInput): 'GB' | 'IE' {
  return force.jurisdiction === 'ireland' ? 'IE' : 'GB';
}
