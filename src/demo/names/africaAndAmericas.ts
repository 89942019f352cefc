// Nigerian names weight Edo State (Benin City), where much of the sexual-exploitation recruitment
// to Europe of the period began. Eritrean "family names" are the father's given name. Sudanese
// names are Arabic, with several competing Latin spellings of the same name.
import { convention } from './namePool.ts';

export const nigerian = convention('NG', {
  givenMale: 'Emmanuel:4, Chinedu:3, Oluwaseun:2, Osagie:3, Efosa:3, Uchenna:2, Tunde:2, Ikechukwu:2, Samuel:3, Godwin:3, Friday:2, Sunday:2, Osaro:2',
  givenFemale: 'Blessing:5, Joy:4, Precious:4, Favour:3, Gift:3, Esther:3, Faith:3, Mercy:3, Osasere:2, Chioma:2, Ngozi:2, Adaeze:2, Funmilayo:2, Efe:2, Osas:2, Loveth:2',
  family: 'Okafor:3, Okonkwo:3, Adeyemi:2, Ogunleye:2, Eze:2, Obi:2, Osagie:3, Omoregie:4, Igbinedion:3, Osaghae:3, Edosomwan:2, Nwachukwu:2, Adebayo:2, Balogun:2, Iyamu:2, Ehigiator:2, Aigbe:2',
  secondGivenName: 0.2,
  familyFirst: false,
  nicknames: ['Mama', 'Sisi', 'Osas', 'Blessy', 'Emma'],
  nativeScript: null,
});

export const eritrean = convention('ER', {
  givenMale: 'Yonas:4, Yohannes:3, Samuel:2, Mehari:2, Tekle:2, Berhane:2, Habtom:2, Filmon:3, Dawit:3, Kibrom:2, Semere:2, Tesfalem:2',
  givenFemale: 'Senait:3, Helen:3, Selam:3, Mebrat:2, Tsega:2, Saba:3, Yordanos:2, Luwam:2, Winta:2, Freweini:2, Rahel:2',
  family: 'Tesfay:3, Ghebre:3, Haile:3, Gebremedhin:2, Tekle:2, Kidane:2, Weldemichael:2, Berhe:3, Mehari:2, Abraha:2, Negash:2, Asmerom:2',
  secondGivenName: 0,
  familyFirst: false,
  nicknames: ['Yoni', 'Sami'],
  nativeScript: null,
});

export const sudanese = convention('SD', {
  givenMale: 'Mohamed:8, Ahmed:4, Abdelrahman:2, Osman:3, Ibrahim:3, Adam:3, Yousif:2, Hassan:2, Omar:2, Abdalla:2',
  givenFemale: 'Fatima:4, Amna:3, Aisha:3, Mariam:3, Halima:2, Hawa:2, Zainab:2, Safia:2',
  family: 'Abdalla:4, Mohamed:4, Ahmed:3, Osman:3, Ali:3, Hassan:2, Idris:2, Musa:2, Suleiman:2, Elhassan:2, Adam:2',
  secondGivenName: 0.3,
  familyFirst: false,
  nicknames: ['Hamada', 'Abu Ali'],
  nativeScript: null,
});

export const brazilian = convention('BR', {
  givenMale: 'João:4, José:4, Carlos:3, Paulo:3, Lucas:3, Gabriel:3, Rafael:3, Marcos:3, Thiago:3',
  givenFemale: 'Maria:6, Ana:4, Juliana:3, Fernanda:3, Patrícia:3, Aline:3, Camila:3, Letícia:2, Jéssica:3, Aparecida:1',
  family: 'Silva:10, Santos:6, Oliveira:5, Souza:4, Rodrigues:3, Ferreira:3, Alves:3, Pereira:3, Lima:3, Gomes:2, Costa:2, Ribeiro:2, Martins:2, Carvalho:2, da Silva:3, dos Santos:2',
  secondGivenName: 0.35,
  familyFirst: false,
  nicknames: ['Zé', 'Juju', 'Nanda', 'Paty'],
  nativeScript: null,
});
