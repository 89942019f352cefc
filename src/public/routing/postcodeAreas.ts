// Every postcode area of Great Britain and Northern Ireland → the force that polices most of it.
// Where an area spans forces, postcodeDistricts.ts overrides this by district.
//
// APPROXIMATE: postcode areas follow post towns, not force boundaries. The force given here is
// the one that covers the area's main town and most of its districts, from public knowledge of
// where the post towns lie; it is data to correct, not a fact to rely on. Guernsey (GY), Jersey
// (JE) and the Isle of Man (IM) have their own police, who are not in the roster: they are left
// out, so reports from there go to the national centre's triage.
import type { ForceCode } from './forceCodes.ts';

export const forceByPostcodeArea: Readonly<Record<string, ForceCode>> = {
  AB: 'police-scotland', // Aberdeen
  AL: 'hertfordshire', // St Albans
  B: 'west-midlands', // Birmingham
  BA: 'avon-and-somerset', // Bath
  BB: 'lancashire', // Blackburn
  BD: 'west-yorkshire', // Bradford
  BH: 'dorset', // Bournemouth
  BL: 'greater-manchester', // Bolton
  BN: 'sussex', // Brighton
  BR: 'metropolitan', // Bromley
  BS: 'avon-and-somerset', // Bristol
  BT: 'psni', // Belfast: all of Northern Ireland
  CA: 'cumbria', // Carlisle
  CB: 'cambridgeshire', // Cambridge
  CF: 'south-wales', // Cardiff
  CH: 'cheshire', // Chester
  CM: 'essex', // Chelmsford
  CO: 'essex', // Colchester
  CR: 'metropolitan', // Croydon
  CT: 'kent', // Canterbury
  CV: 'west-midlands', // Coventry
  CW: 'cheshire', // Crewe
  DA: 'kent', // Dartford
  DD: 'police-scotland', // Dundee
  DE: 'derbyshire', // Derby
  DG: 'police-scotland', // Dumfries
  DH: 'durham', // Durham
  DL: 'durham', // Darlington
  DN: 'south-yorkshire', // Doncaster
  DT: 'dorset', // Dorchester
  DY: 'west-midlands', // Dudley
  E: 'metropolitan', // London East
  EC: 'city-of-london', // London East Central
  EH: 'police-scotland', // Edinburgh
  EN: 'metropolitan', // Enfield
  EX: 'devon-and-cornwall', // Exeter
  FK: 'police-scotland', // Falkirk
  FY: 'lancashire', // Blackpool
  G: 'police-scotland', // Glasgow
  GL: 'gloucestershire', // Gloucester
  GU: 'surrey', // Guildford
  HA: 'metropolitan', // Harrow
  HD: 'west-yorkshire', // Huddersfield
  HG: 'north-yorkshire', // Harrogate
  HP: 'thames-valley', // Hemel Hempstead: most districts are in Buckinghamshire
  HR: 'west-mercia', // Hereford
  HS: 'police-scotland', // Outer Hebrides
  HU: 'humberside', // Hull
  HX: 'west-yorkshire', // Halifax
  IG: 'metropolitan', // Ilford
  IP: 'suffolk', // Ipswich
  IV: 'police-scotland', // Inverness
  KA: 'police-scotland', // Kilmarnock
  KT: 'surrey', // Kingston upon Thames: most districts are in Surrey
  KW: 'police-scotland', // Kirkwall
  KY: 'police-scotland', // Kirkcaldy
  L: 'merseyside', // Liverpool
  LA: 'lancashire', // Lancaster
  LD: 'dyfed-powys', // Llandrindod Wells
  LE: 'leicestershire', // Leicester
  LL: 'north-wales', // Llandudno
  LN: 'lincolnshire', // Lincoln
  LS: 'west-yorkshire', // Leeds
  LU: 'bedfordshire', // Luton
  M: 'greater-manchester', // Manchester
  ME: 'kent', // Medway
  MK: 'thames-valley', // Milton Keynes
  ML: 'police-scotland', // Motherwell
  N: 'metropolitan', // London North
  NE: 'northumbria', // Newcastle upon Tyne
  NG: 'nottinghamshire', // Nottingham
  NN: 'northamptonshire', // Northampton
  NP: 'gwent', // Newport
  NR: 'norfolk', // Norwich
  NW: 'metropolitan', // London North West
  OL: 'greater-manchester', // Oldham
  OX: 'thames-valley', // Oxford
  PA: 'police-scotland', // Paisley
  PE: 'cambridgeshire', // Peterborough
  PH: 'police-scotland', // Perth
  PL: 'devon-and-cornwall', // Plymouth
  PO: 'hampshire', // Portsmouth (Hampshire and Isle of Wight Constabulary)
  PR: 'lancashire', // Preston
  RG: 'thames-valley', // Reading
  RH: 'surrey', // Redhill
  RM: 'metropolitan', // Romford
  S: 'south-yorkshire', // Sheffield
  SA: 'south-wales', // Swansea
  SE: 'metropolitan', // London South East
  SG: 'hertfordshire', // Stevenage
  SK: 'greater-manchester', // Stockport
  SL: 'thames-valley', // Slough
  SM: 'metropolitan', // Sutton
  SN: 'wiltshire', // Swindon
  SO: 'hampshire', // Southampton
  SP: 'wiltshire', // Salisbury
  SR: 'northumbria', // Sunderland
  SS: 'essex', // Southend-on-Sea
  ST: 'staffordshire', // Stoke-on-Trent
  SW: 'metropolitan', // London South West
  SY: 'west-mercia', // Shrewsbury
  TA: 'avon-and-somerset', // Taunton
  TD: 'police-scotland', // Galashiels (TD15 Berwick is in England: see districts)
  TF: 'west-mercia', // Telford
  TN: 'kent', // Tonbridge
  TQ: 'devon-and-cornwall', // Torquay
  TR: 'devon-and-cornwall', // Truro
  TS: 'cleveland', // Cleveland (Teesside)
  TW: 'metropolitan', // Twickenham
  UB: 'metropolitan', // Southall
  W: 'metropolitan', // London West
  WA: 'cheshire', // Warrington
  WC: 'metropolitan', // London West Central
  WD: 'hertfordshire', // Watford
  WF: 'west-yorkshire', // Wakefield
  WN: 'greater-manchester', // Wigan
  WR: 'west-mercia', // Worcester
  WS: 'west-midlands', // Walsall
  WV: 'west-midlands', // Wolverhampton
  YO: 'north-yorkshire', // York
  ZE: 'police-scotland', // Shetland
};
