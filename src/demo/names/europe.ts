// Frequencies are rough shares from national surname and given-name statistics: enough that
// common names collide often, as they do in real records (many a "Popescu", many a "Nowak").
import { convention } from './namePool.ts';

export const romanian = convention('RO', {
  givenMale: 'Ion:5, Ionuț:4, Andrei:5, Alexandru:6, Mihai:5, Constantin:4, Gheorghe:4, Florin:3, Marian:4, Daniel:4, Adrian:4, Cristian:4, Vasile:3, Ștefan:3, Nicolae:3, Bogdan:3, Cătălin:2, Răzvan:2, Costel:2, Marius:3',
  givenFemale: 'Maria:8, Elena:6, Ioana:5, Andreea:6, Mihaela:4, Alexandra:4, Cristina:4, Ana:4, Gabriela:3, Florentina:3, Daniela:3, Nicoleta:3, Alina:4, Roxana:3, Georgiana:3, Denisa:3, Bianca:3, Larisa:2, Ramona:2, Ștefania:2',
  family: 'Popescu:9, Popa:6, Pop:6, Radu:4, Dumitru:4, Stan:4, Stoica:3, Gheorghe:3, Matei:3, Ciobanu:3, Constantin:3, Ionescu:4, Rusu:3, Munteanu:3, Marin:3, Lungu:2, Moldovan:3, Tudor:2, Dinu:2, Ștefan:2, Bălan:2, Neagu:2, Florea:2, Țurcanu:1, Căldăraru:1, Mărgărit:1',
  secondGivenName: 0.15,
  familyFirst: false,
  nicknames: ['Nelu', 'Gigi', 'Fane', 'Mimi', 'Lili', 'Nico', 'Didi'],
  nativeScript: null,
});

export const albanian = convention('AL', {
  givenMale: 'Arben:4, Artan:4, Besnik:3, Dritan:4, Ermal:3, Gentian:3, Ilir:4, Klodian:3, Arjan:3, Fatmir:2, Agron:3, Blerim:2, Erion:3, Sokol:2, Gjergj:2, Altin:3, Edmond:2, Kastriot:2, Armand:2, Alban:3',
  givenFemale: 'Ana:3, Elira:2, Anjeza:2, Dorina:3, Entela:2, Fatjona:2, Klea:2, Mirela:3, Jonida:2, Ardita:2, Blerta:2, Ermira:2, Valbona:2, Mimoza:2, Lumturi:1, Ilirjana:1, Xhoana:2, Alketa:2',
  family: 'Hoxha:6, Shehu:4, Kola:3, Leka:3, Gjoka:2, Marku:3, Duka:2, Krasniqi:3, Çela:2, Basha:3, Dervishi:2, Hysa:2, Murati:2, Gashi:3, Berisha:3, Lika:2, Prifti:2, Zeneli:2, Sinani:2, Bregu:2, Dhima:2, Kërçiku:1',
  secondGivenName: 0,
  familyFirst: false,
  nicknames: ['Beni', 'Tani', 'Timi', 'Lela', 'Kristi'],
  nativeScript: null,
});

export const polish = convention('PL', {
  givenMale: 'Piotr:6, Krzysztof:5, Andrzej:5, Tomasz:5, Paweł:4, Michał:4, Marcin:4, Łukasz:3, Grzegorz:3, Jakub:3, Marek:3, Wojciech:2, Kamil:2, Dariusz:2, Mariusz:2, Zbigniew:2, Sławomir:1',
  givenFemale: 'Anna:7, Katarzyna:5, Małgorzata:5, Agnieszka:4, Joanna:3, Barbara:3, Ewa:3, Magdalena:3, Monika:3, Dorota:2, Justyna:2, Aleksandra:2, Żaneta:1',
  family: 'Nowak:6, Kowalski|Kowalska:5, Wiśniewski|Wiśniewska:4, Wójcik:4, Kowalczyk:3, Kamiński|Kamińska:3, Lewandowski|Lewandowska:3, Zieliński|Zielińska:3, Szymański|Szymańska:3, Woźniak:3, Dąbrowski|Dąbrowska:3, Kozłowski|Kozłowska:2, Jankowski|Jankowska:2, Mazur:2, Krawczyk:2, Grabowski|Grabowska:2, Wróbel:2',
  secondGivenName: 0.05,
  familyFirst: false,
  nicknames: ['Kuba', 'Tomek', 'Bartek', 'Kasia', 'Gosia', 'Asia'],
  nativeScript: null,
});

export const lithuanian = convention('LT', {
  givenMale: 'Jonas:4, Tomas:4, Mantas:4, Darius:4, Kęstutis:2, Rimantas:2, Vytautas:3, Gintaras:2, Saulius:3, Andrius:4, Marius:3, Algirdas:2, Audrius:2, Paulius:3, Žygimantas:1',
  givenFemale: 'Rūta:3, Jurgita:3, Inga:3, Kristina:4, Agnė:3, Laura:3, Rasa:3, Vilma:2, Aušra:2, Eglė:3, Giedrė:2, Dalia:2, Živilė:1',
  family: 'Kazlauskas|Kazlauskienė:5, Jankauskas|Jankauskienė:4, Petrauskas|Petrauskienė:4, Stankevičius|Stankevičienė:3, Vasiliauskas|Vasiliauskienė:3, Žukauskas|Žukauskienė:3, Butkus|Butkienė:2, Paulauskas|Paulauskienė:2, Urbonas|Urbonienė:2, Kavaliauskas|Kavaliauskienė:2, Baranauskas|Baranauskienė:2, Navickas|Navickienė:2',
  secondGivenName: 0,
  familyFirst: false,
  nicknames: ['Tomka', 'Dariukas', 'Ingutė'],
  nativeScript: null,
});

export const latvian = convention('LV', {
  givenMale: 'Jānis:5, Andris:4, Māris:3, Edgars:3, Kaspars:3, Aigars:2, Artūrs:2, Raivis:2, Gatis:2, Uldis:2',
  givenFemale: 'Anna:3, Kristīne:4, Inese:3, Ilze:3, Līga:3, Laura:2, Santa:2, Dace:2, Inga:2, Ieva:2',
  family: 'Bērziņš|Bērziņa:5, Kalniņš|Kalniņa:4, Ozoliņš|Ozoliņa:4, Jansons|Jansone:3, Ozols|Ozola:3, Liepiņš|Liepiņa:3, Krūmiņš|Krūmiņa:3, Balodis|Balode:2, Pētersons|Pētersone:2, Vītols|Vītola:2',
  secondGivenName: 0,
  familyFirst: false,
  nicknames: ['Jancis', 'Ilzīte'],
  nativeScript: null,
});

export const slovak = convention('SK', {
  givenMale: 'Peter:5, Martin:4, Jozef:4, Ján:4, Marek:3, Tomáš:3, Miroslav:3, Michal:3, Lukáš:2, Dušan:2',
  givenFemale: 'Mária:5, Zuzana:4, Jana:4, Lucia:3, Katarína:3, Martina:3, Veronika:2, Monika:2, Simona:2',
  family: 'Horváth|Horváthová:5, Kováč|Kováčová:4, Varga|Vargová:4, Tóth|Tóthová:3, Nagy|Nagyová:3, Baláž|Balážová:3, Lakatoš|Lakatošová:3, Oláh|Oláhová:3, Szabó|Szabóová:2, Molnár|Molnárová:2',
  secondGivenName: 0,
  familyFirst: false,
  nicknames: ['Paľo', 'Jožo', 'Zuzka'],
  nativeScript: null,
});

export const czech = convention('CZ', {
  givenMale: 'Jan:5, Petr:5, Pavel:4, Jiří:4, Tomáš:4, Martin:4, Josef:3, Lukáš:2',
  givenFemale: 'Jana:5, Petra:4, Lenka:4, Kateřina:3, Eva:3, Hana:3, Tereza:3, Lucie:2',
  family: 'Novák|Nováková:5, Svoboda|Svobodová:4, Novotný|Novotná:4, Dvořák|Dvořáková:4, Černý|Černá:3, Procházka|Procházková:3, Kučera|Kučerová:3, Veselý|Veselá:3, Horák|Horáková:2',
  secondGivenName: 0,
  familyFirst: false,
  nicknames: ['Honza', 'Pepa', 'Péťa'],
  nativeScript: null,
});

// Bulgarian and Ukrainian names are written in Cyrillic at home; UK records hold one of several
// Latin transliterations, which spellingVariants.ts swaps between.
export const bulgarian = convention('BG', {
  givenMale: 'Georgi:5, Ivan:5, Dimitar:4, Nikolay:4, Petar:3, Hristo:3, Stoyan:3, Todor:3, Angel:2',
  givenFemale: 'Maria:5, Ivanka:3, Elena:4, Yordanka:2, Desislava:3, Gergana:3, Tsvetelina:2, Radka:2, Silviya:2',
  family: 'Ivanov|Ivanova:6, Georgiev|Georgieva:5, Dimitrov|Dimitrova:5, Petrov|Petrova:4, Nikolov|Nikolova:4, Stoyanov|Stoyanova:3, Todorov|Todorova:3, Angelov|Angelova:3, Yordanov|Yordanova:2',
  secondGivenName: 0,
  familyFirst: false,
  nicknames: ['Gosho', 'Vanko', 'Mimi'],
  nativeScript: null,
});

export const ukrainian = convention('UA', {
  givenMale: 'Oleksandr:5, Andriy:4, Serhiy:4, Volodymyr:3, Dmytro:4, Mykola:3, Yuriy:3, Vasyl:3',
  givenFemale: 'Olena:5, Oksana:4, Nataliya:4, Iryna:4, Tetyana:3, Yuliya:3, Svitlana:3, Kateryna:3',
  family: 'Melnyk:4, Shevchenko:5, Boyko:4, Kovalenko:4, Bondarenko:4, Tkachenko:3, Kovalchuk:3, Kravchenko:3, Oliynyk:3, Shevchuk:3, Polishchuk:2, Lysenko:2',
  secondGivenName: 0,
  familyFirst: false,
  nicknames: ['Sasha', 'Olya', 'Ira', 'Dima'],
  nativeScript: null,
});

export const hungarian = convention('HU', {
  givenMale: 'László:5, István:5, József:4, János:4, Zoltán:4, Sándor:3, Gábor:3, Ferenc:3, Attila:3, Péter:3, Tamás:2, Zsolt:2',
  givenFemale: 'Mária:4, Erzsébet:3, Katalin:3, Ilona:3, Éva:3, Anna:3, Zsuzsanna:3, Krisztina:3, Andrea:2, Szilvia:2, Tímea:2, Renáta:2',
  family: 'Nagy:6, Kovács:5, Tóth:5, Szabó:5, Horváth:5, Varga:4, Kiss:4, Molnár:3, Németh:3, Farkas:3, Balogh:3, Papp:2, Lakatos:3, Oláh:2',
  secondGivenName: 0,
  familyFirst: true,
  nicknames: ['Laci', 'Pista', 'Jóska', 'Kati', 'Zsuzsi'],
  nativeScript: null,
});

export const british = convention('GB', {
  givenMale: 'David:5, James:5, John:5, Michael:5, Paul:4, Mark:4, Lee:3, Daniel:4, Steven:3, Christopher:4, Wayne:2, Craig:2, Gary:3, Darren:2, Mohammed:3, Imran:2, Tariq:1',
  givenFemale: 'Sarah:5, Emma:4, Claire:4, Lisa:4, Michelle:3, Gemma:3, Nicola:3, Kelly:3, Laura:3, Stacey:2, Amy:3, Rebecca:3, Jodie:2, Shazia:1',
  family: 'Smith:8, Jones:6, Williams:5, Taylor:4, Brown:4, Davies:4, Evans:3, Wilson:3, Thomas:3, Johnson:3, Roberts:3, Robinson:3, Thompson:3, Wright:3, Walker:3, White:2, Hughes:2, Edwards:2, Green:2, Hall:2, Wood:2, Clarke:2, Khan:3, Hussain:2, Ahmed:2, Patel:2, McDonald:2, Murphy:2, Doherty:1',
  secondGivenName: 0.2,
  familyFirst: false,
  nicknames: ['Dave', 'Jim', 'Mick', 'Chris', 'Danny', 'Becky', 'Mo', 'Shell'],
  nativeScript: null,
});
