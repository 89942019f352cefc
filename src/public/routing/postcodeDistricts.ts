// Postcode districts whose force differs from their area's (postcodeAreas.ts).
//
// APPROXIMATE: a district is given to the force that covers its post town or most of its
// addresses, from public knowledge of local-authority and force boundaries. Districts that
// straddle a boundary (noted "split") will send some reports to a neighbouring force, which
// passes them on: better than no routing, but a postcode-to-local-authority lookup (ONS
// Postcode Directory) should replace this table before a national deployment.
import type { ForceCode } from './forceCodes.ts';

export const forceByPostcodeDistrict: Readonly<Record<string, ForceCode>> = {
  // B: Birmingham's fringes
  B46: 'warwickshire', // Coleshill
  B47: 'west-mercia', // Hollywood, Wythall (Bromsgrove)
  B48: 'west-mercia', // Alvechurch
  B49: 'warwickshire', // Alcester
  B50: 'warwickshire', // Bidford-on-Avon
  B60: 'west-mercia', // Bromsgrove
  B61: 'west-mercia', // Bromsgrove
  B77: 'staffordshire', // Tamworth
  B78: 'staffordshire', // Tamworth (split with Warwickshire)
  B79: 'staffordshire', // Tamworth
  B80: 'warwickshire', // Studley
  B95: 'warwickshire', // Henley-in-Arden
  B96: 'west-mercia', // Redditch
  B97: 'west-mercia', // Redditch
  B98: 'west-mercia', // Redditch
  // BA: Wiltshire towns
  BA12: 'wiltshire', // Warminster
  BA13: 'wiltshire', // Westbury
  BA14: 'wiltshire', // Trowbridge
  BA15: 'wiltshire', // Bradford-on-Avon
  // BD: the Dales
  BD23: 'north-yorkshire', // Skipton
  BD24: 'north-yorkshire', // Settle
  // BH: Hampshire's New Forest
  BH24: 'hampshire', // Ringwood
  BH25: 'hampshire', // New Milton
  // BR
  BR8: 'kent', // Swanley
  // CB
  CB8: 'suffolk', // Newmarket (split: its villages are in Cambridgeshire)
  CB9: 'suffolk', // Haverhill
  CB10: 'essex', // Saffron Walden
  CB11: 'essex', // Saffron Walden
  // CF: Caerphilly county borough is policed by Gwent
  CF81: 'gwent', // Bargoed
  CF82: 'gwent', // Hengoed
  CF83: 'gwent', // Caerphilly
  // CH: Flintshire and the Wirral
  CH5: 'north-wales', // Deeside
  CH6: 'north-wales', // Flint
  CH7: 'north-wales', // Mold
  CH8: 'north-wales', // Holywell
  CH41: 'merseyside', // Birkenhead
  CH42: 'merseyside',
  CH43: 'merseyside',
  CH44: 'merseyside', // Wallasey
  CH45: 'merseyside',
  CH46: 'merseyside',
  CH47: 'merseyside', // Hoylake
  CH48: 'merseyside', // West Kirby
  CH49: 'merseyside',
  CH60: 'merseyside', // Heswall
  CH61: 'merseyside',
  CH62: 'merseyside', // Bebington
  CH63: 'merseyside',
  CH64: 'cheshire', // Neston
  // CM: Hertfordshire's edge
  CM21: 'hertfordshire', // Sawbridgeworth
  CM23: 'hertfordshire', // Bishop's Stortford
  // CO
  CO10: 'suffolk', // Sudbury
  // CR: Surrey's edge
  CR3: 'surrey', // Caterham
  CR6: 'surrey', // Warlingham
  // CV: Coventry is West Midlands, the rest Warwickshire
  CV7: 'west-midlands', // Balsall Common, Meriden (split with Warwickshire)
  CV8: 'warwickshire', // Kenilworth
  CV9: 'warwickshire', // Atherstone
  CV10: 'warwickshire', // Nuneaton
  CV11: 'warwickshire', // Nuneaton
  CV12: 'warwickshire', // Bedworth
  CV13: 'leicestershire', // Market Bosworth (split with Warwickshire)
  CV21: 'warwickshire', // Rugby
  CV22: 'warwickshire', // Rugby
  CV23: 'warwickshire', // Rugby
  CV31: 'warwickshire', // Leamington Spa
  CV32: 'warwickshire', // Leamington Spa
  CV33: 'warwickshire', // Leamington Spa
  CV34: 'warwickshire', // Warwick
  CV35: 'warwickshire', // Warwick
  CV36: 'warwickshire', // Shipston-on-Stour
  CV37: 'warwickshire', // Stratford-upon-Avon
  CV47: 'warwickshire', // Southam
  // DA: Bexley is London
  DA5: 'metropolitan', // Bexley
  DA6: 'metropolitan', // Bexleyheath
  DA7: 'metropolitan', // Bexleyheath
  DA8: 'metropolitan', // Erith
  DA14: 'metropolitan', // Sidcup
  DA15: 'metropolitan', // Sidcup
  DA16: 'metropolitan', // Welling
  DA17: 'metropolitan', // Belvedere
  DA18: 'metropolitan', // Erith
  // DE: Burton and the Leicestershire edge
  DE12: 'leicestershire', // Measham (split with Derbyshire)
  DE13: 'staffordshire', // Burton upon Trent
  DE14: 'staffordshire', // Burton upon Trent
  DE15: 'staffordshire', // Burton upon Trent
  DE74: 'leicestershire', // Castle Donington
  // DH: Sunderland's side
  DH4: 'northumbria', // Houghton-le-Spring
  DH5: 'northumbria', // Hetton-le-Hole
  // DL: North Yorkshire
  DL6: 'north-yorkshire', // Northallerton
  DL7: 'north-yorkshire', // Northallerton
  DL8: 'north-yorkshire', // Bedale, Leyburn
  DL9: 'north-yorkshire', // Catterick Garrison
  DL10: 'north-yorkshire', // Richmond
  DL11: 'north-yorkshire', // Richmond
  // DN: the Humber bank and Lincolnshire
  DN9: 'humberside', // Epworth (split: Finningley is Doncaster)
  DN14: 'humberside', // Goole (split with North Yorkshire)
  DN15: 'humberside', // Scunthorpe
  DN16: 'humberside',
  DN17: 'humberside',
  DN18: 'humberside', // Barton-upon-Humber
  DN19: 'humberside',
  DN20: 'humberside', // Brigg
  DN21: 'lincolnshire', // Gainsborough
  DN22: 'nottinghamshire', // Retford
  DN31: 'humberside', // Grimsby
  DN32: 'humberside',
  DN33: 'humberside',
  DN34: 'humberside',
  DN35: 'humberside', // Cleethorpes
  DN36: 'humberside',
  DN37: 'humberside',
  DN38: 'humberside',
  DN39: 'humberside',
  DN40: 'humberside', // Immingham
  DN41: 'humberside',
  // DY: Worcestershire
  DY10: 'west-mercia', // Kidderminster
  DY11: 'west-mercia', // Kidderminster
  DY12: 'west-mercia', // Bewdley
  DY13: 'west-mercia', // Stourport-on-Severn
  DY14: 'west-mercia', // Kidderminster rural
  // E: the City's eastern edge is E1 in part, but E1 is mostly Tower Hamlets
  // EC: EC1 and EC2A lie mostly in Islington, Camden and Hackney, outside the City
  EC1M: 'metropolitan', // Clerkenwell (split)
  EC1N: 'metropolitan', // Hatton Garden (split)
  EC1R: 'metropolitan', // Clerkenwell
  EC1V: 'metropolitan', // Finsbury
  EC1Y: 'metropolitan', // St Luke's (split)
  EC2A: 'metropolitan', // Shoreditch (split)
  // EN: Hertfordshire and Essex
  EN6: 'hertfordshire', // Potters Bar
  EN7: 'hertfordshire', // Cheshunt
  EN8: 'hertfordshire', // Waltham Cross
  EN9: 'essex', // Waltham Abbey
  EN10: 'hertfordshire', // Broxbourne
  EN11: 'hertfordshire', // Hoddesdon
  // GL: South Gloucestershire
  GL9: 'avon-and-somerset', // Badminton
  // GU: Hampshire, Sussex and Thames Valley edges
  GU11: 'hampshire', // Aldershot
  // GU12 (Ash, Ash Vale, North Camp) is left to the area: mostly Surrey, partly Aldershot.
  GU13: 'hampshire', // Fleet
  GU14: 'hampshire', // Farnborough
  GU17: 'hampshire', // Blackwater (split with Surrey)
  GU28: 'sussex', // Petworth
  GU29: 'sussex', // Midhurst
  GU30: 'hampshire', // Liphook
  GU31: 'hampshire', // Petersfield
  GU32: 'hampshire', // Petersfield
  GU33: 'hampshire', // Liss
  GU34: 'hampshire', // Alton
  GU35: 'hampshire', // Bordon
  GU46: 'hampshire', // Yateley
  GU47: 'thames-valley', // Sandhurst
  GU51: 'hampshire', // Fleet
  GU52: 'hampshire', // Fleet
  // HP: Hertfordshire
  HP1: 'hertfordshire', // Hemel Hempstead
  HP2: 'hertfordshire',
  HP3: 'hertfordshire',
  HP4: 'hertfordshire', // Berkhamsted
  HP23: 'hertfordshire', // Tring
  // IG: Essex
  IG7: 'essex', // Chigwell
  IG9: 'essex', // Buckhurst Hill
  IG10: 'essex', // Loughton
  // IP: Norfolk
  IP20: 'norfolk', // Harleston
  IP22: 'norfolk', // Diss
  IP24: 'norfolk', // Thetford
  IP25: 'norfolk', // Watton
  IP26: 'norfolk', // Thetford rural
  // KT: London
  KT1: 'metropolitan', // Kingston upon Thames
  KT2: 'metropolitan',
  KT3: 'metropolitan', // New Malden
  KT4: 'metropolitan', // Worcester Park
  KT5: 'metropolitan', // Surbiton
  KT6: 'metropolitan', // Surbiton
  KT9: 'metropolitan', // Chessington
  // L: West Lancashire
  L39: 'lancashire', // Ormskirk
  L40: 'lancashire', // Burscough
  // LA: South Lakeland and Furness
  LA2: 'lancashire', // Lancaster rural (split with North Yorkshire)
  LA7: 'cumbria', // Milnthorpe
  LA8: 'cumbria', // Kendal
  LA9: 'cumbria', // Kendal
  LA10: 'cumbria', // Sedbergh
  LA11: 'cumbria', // Grange-over-Sands
  LA12: 'cumbria', // Ulverston
  LA13: 'cumbria', // Barrow-in-Furness
  LA14: 'cumbria', // Barrow-in-Furness
  LA15: 'cumbria', // Dalton-in-Furness
  LA16: 'cumbria', // Askam-in-Furness
  LA17: 'cumbria', // Kirkby-in-Furness
  LA18: 'cumbria', // Millom
  LA19: 'cumbria', // Millom
  LA20: 'cumbria', // Broughton-in-Furness
  LA21: 'cumbria', // Coniston
  LA22: 'cumbria', // Ambleside
  LA23: 'cumbria', // Windermere
  // LS: North Yorkshire
  LS24: 'north-yorkshire', // Tadcaster
  // MK: Bedford
  MK40: 'bedfordshire', // Bedford
  MK41: 'bedfordshire',
  MK42: 'bedfordshire',
  MK43: 'bedfordshire',
  MK44: 'bedfordshire',
  MK45: 'bedfordshire', // Ampthill
  // NG: Lincolnshire
  NG31: 'lincolnshire', // Grantham
  NG32: 'lincolnshire',
  NG33: 'lincolnshire',
  NG34: 'lincolnshire', // Sleaford
  // NP: Powys
  NP8: 'dyfed-powys', // Crickhowell
  // NR: Suffolk
  NR32: 'suffolk', // Lowestoft
  NR33: 'suffolk', // Lowestoft
  NR34: 'suffolk', // Beccles
  NR35: 'suffolk', // Bungay (split with Norfolk)
  // OL: the Pennine edge
  OL13: 'lancashire', // Bacup
  OL14: 'west-yorkshire', // Todmorden
  // PE: Lincolnshire, Norfolk and Northamptonshire
  PE8: 'northamptonshire', // Oundle
  PE9: 'lincolnshire', // Stamford
  PE10: 'lincolnshire', // Bourne
  PE11: 'lincolnshire', // Spalding
  PE12: 'lincolnshire', // Spalding
  PE20: 'lincolnshire', // Boston
  PE21: 'lincolnshire', // Boston
  PE22: 'lincolnshire', // Boston
  PE23: 'lincolnshire', // Spilsby
  PE24: 'lincolnshire', // Skegness
  PE25: 'lincolnshire', // Skegness
  PE30: 'norfolk', // King's Lynn
  PE31: 'norfolk',
  PE32: 'norfolk',
  PE33: 'norfolk',
  PE34: 'norfolk',
  PE35: 'norfolk', // Sandringham
  PE36: 'norfolk', // Hunstanton
  PE37: 'norfolk', // Swaffham
  PE38: 'norfolk', // Downham Market
  // PO: West Sussex
  PO18: 'sussex', // Chichester
  PO19: 'sussex', // Chichester
  PO20: 'sussex', // Chichester
  PO21: 'sussex', // Bognor Regis
  PO22: 'sussex', // Bognor Regis
  // RG: Hampshire
  RG21: 'hampshire', // Basingstoke
  RG22: 'hampshire',
  RG23: 'hampshire',
  RG24: 'hampshire',
  RG25: 'hampshire',
  RG26: 'hampshire', // Tadley
  RG27: 'hampshire', // Hook
  RG28: 'hampshire', // Whitchurch
  RG29: 'hampshire', // Odiham
  // RH: Sussex
  RH10: 'sussex', // Crawley
  RH11: 'sussex', // Crawley
  RH12: 'sussex', // Horsham
  RH13: 'sussex', // Horsham
  RH14: 'sussex', // Billingshurst
  RH15: 'sussex', // Burgess Hill
  RH16: 'sussex', // Haywards Heath
  RH17: 'sussex', // Haywards Heath
  RH18: 'sussex', // Forest Row
  RH19: 'sussex', // East Grinstead
  RH20: 'sussex', // Pulborough
  // RM: Essex
  RM4: 'essex', // Abridge
  RM15: 'essex', // South Ockendon
  RM16: 'essex', // Grays
  RM17: 'essex', // Grays
  RM18: 'essex', // Tilbury
  RM19: 'essex', // Purfleet
  RM20: 'essex', // West Thurrock
  // S: Derbyshire and Nottinghamshire
  S18: 'derbyshire', // Dronfield
  S21: 'derbyshire', // Eckington
  S32: 'derbyshire', // Hope Valley
  S33: 'derbyshire', // Hope Valley
  S40: 'derbyshire', // Chesterfield
  S41: 'derbyshire',
  S42: 'derbyshire',
  S43: 'derbyshire',
  S44: 'derbyshire',
  S45: 'derbyshire',
  S80: 'nottinghamshire', // Worksop
  S81: 'nottinghamshire', // Worksop (split with South Yorkshire)
  // SA: Carmarthenshire, Pembrokeshire, Ceredigion
  SA14: 'dyfed-powys', // Llanelli
  SA15: 'dyfed-powys', // Llanelli
  SA16: 'dyfed-powys', // Burry Port
  SA17: 'dyfed-powys', // Kidwelly
  SA18: 'dyfed-powys', // Ammanford
  SA19: 'dyfed-powys', // Llandeilo
  SA20: 'dyfed-powys', // Llandovery
  SA31: 'dyfed-powys', // Carmarthen
  SA32: 'dyfed-powys',
  SA33: 'dyfed-powys',
  SA34: 'dyfed-powys', // Whitland
  SA35: 'dyfed-powys',
  SA36: 'dyfed-powys',
  SA37: 'dyfed-powys',
  SA38: 'dyfed-powys', // Newcastle Emlyn
  SA39: 'dyfed-powys',
  SA40: 'dyfed-powys', // Llanybydder
  SA41: 'dyfed-powys',
  SA42: 'dyfed-powys',
  SA43: 'dyfed-powys', // Cardigan
  SA44: 'dyfed-powys', // Llandysul
  SA45: 'dyfed-powys', // New Quay
  SA46: 'dyfed-powys', // Aberaeron
  SA47: 'dyfed-powys',
  SA48: 'dyfed-powys', // Lampeter
  SA61: 'dyfed-powys', // Haverfordwest
  SA62: 'dyfed-powys',
  SA63: 'dyfed-powys',
  SA64: 'dyfed-powys', // Goodwick
  SA65: 'dyfed-powys', // Fishguard
  SA66: 'dyfed-powys',
  SA67: 'dyfed-powys', // Narberth
  SA68: 'dyfed-powys', // Kilgetty
  SA69: 'dyfed-powys', // Saundersfoot
  SA70: 'dyfed-powys', // Tenby
  SA71: 'dyfed-powys', // Pembroke
  SA72: 'dyfed-powys', // Pembroke Dock
  SA73: 'dyfed-powys', // Milford Haven
  // SG: Bedfordshire
  SG15: 'bedfordshire', // Arlesey
  SG16: 'bedfordshire', // Henlow
  SG17: 'bedfordshire', // Shefford
  SG18: 'bedfordshire', // Biggleswade
  SG19: 'bedfordshire', // Sandy
  // SK: Cheshire and Derbyshire
  SK9: 'cheshire', // Wilmslow
  SK10: 'cheshire', // Macclesfield
  SK11: 'cheshire', // Macclesfield
  SK12: 'cheshire', // Poynton
  SK13: 'derbyshire', // Glossop
  SK17: 'derbyshire', // Buxton
  SK22: 'derbyshire', // New Mills
  SK23: 'derbyshire', // High Peak
  // SM: Surrey
  SM7: 'surrey', // Banstead
  // SN: Oxfordshire
  SN7: 'thames-valley', // Faringdon
  // SP: Hampshire and Dorset
  SP6: 'hampshire', // Fordingbridge
  SP7: 'dorset', // Shaftesbury
  SP8: 'dorset', // Gillingham
  SP10: 'hampshire', // Andover
  SP11: 'hampshire', // Andover
  // SR: County Durham
  SR7: 'durham', // Seaham
  SR8: 'durham', // Peterlee
  // SY: Powys and Ceredigion
  SY15: 'dyfed-powys', // Montgomery
  SY16: 'dyfed-powys', // Newtown
  SY17: 'dyfed-powys', // Caersws
  SY18: 'dyfed-powys', // Llanidloes
  SY19: 'dyfed-powys', // Llanbrynmair
  SY20: 'dyfed-powys', // Machynlleth
  SY21: 'dyfed-powys', // Welshpool
  SY22: 'dyfed-powys', // Llanfyllin
  SY23: 'dyfed-powys', // Aberystwyth
  SY24: 'dyfed-powys', // Borth
  SY25: 'dyfed-powys', // Tregaron
  // TD: Berwick-upon-Tweed is in England
  TD15: 'northumbria', // Berwick-upon-Tweed
  // TN: East Sussex
  TN5: 'sussex', // Wadhurst
  TN6: 'sussex', // Crowborough
  TN7: 'sussex', // Hartfield
  TN19: 'sussex', // Etchingham
  TN20: 'sussex', // Mayfield
  TN21: 'sussex', // Heathfield
  TN22: 'sussex', // Uckfield
  TN31: 'sussex', // Rye
  TN32: 'sussex', // Robertsbridge
  TN33: 'sussex', // Battle
  TN34: 'sussex', // Hastings
  TN35: 'sussex', // Hastings
  TN36: 'sussex', // Winchelsea
  TN37: 'sussex', // St Leonards-on-Sea
  TN38: 'sussex', // St Leonards-on-Sea
  TN39: 'sussex', // Bexhill-on-Sea
  TN40: 'sussex', // Bexhill-on-Sea
  // TS: North Yorkshire and County Durham
  TS9: 'north-yorkshire', // Stokesley
  TS21: 'durham', // Sedgefield
  TS28: 'durham', // Wingate
  TS29: 'durham', // Trimdon
  // TW: Surrey
  TW15: 'surrey', // Ashford
  TW16: 'surrey', // Sunbury-on-Thames
  TW17: 'surrey', // Shepperton
  TW18: 'surrey', // Staines-upon-Thames
  TW19: 'surrey', // Staines-upon-Thames
  TW20: 'surrey', // Egham
  // WA: Merseyside and Greater Manchester
  WA9: 'merseyside', // St Helens
  WA10: 'merseyside', // St Helens
  WA11: 'merseyside', // St Helens
  WA12: 'merseyside', // Newton-le-Willows
  WA14: 'greater-manchester', // Altrincham
  WA15: 'greater-manchester', // Altrincham
  // WN: West Lancashire
  WN8: 'lancashire', // Skelmersdale
  // WS: Staffordshire
  WS6: 'staffordshire', // Great Wyrley
  WS7: 'staffordshire', // Burntwood
  WS11: 'staffordshire', // Cannock
  WS12: 'staffordshire', // Cannock
  WS13: 'staffordshire', // Lichfield
  WS14: 'staffordshire', // Lichfield
  WS15: 'staffordshire', // Rugeley
  // WV: Staffordshire and Shropshire
  WV5: 'staffordshire', // Wombourne
  WV7: 'west-mercia', // Albrighton
  WV8: 'staffordshire', // Codsall
  WV15: 'west-mercia', // Bridgnorth
  WV16: 'west-mercia', // Bridgnorth
  // YO: East Riding of Yorkshire
  YO15: 'humberside', // Bridlington
  YO16: 'humberside', // Bridlington
  YO25: 'humberside', // Driffield
  YO42: 'humberside', // Pocklington
  YO43: 'humberside', // Market Weighton
};
