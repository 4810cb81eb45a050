/**
 * Given names and surnames per nationality, as printed in the visual zone (diacritics kept). Comma-separated
 * to keep the table readable; surnames that change with gender (Polish, Czech, Latvian, Icelandic, Greek)
 * have a female and a male list.
 */
interface NamePoolSource {
  female: string;
  male: string;
  last?: string;
  lastFemale?: string;
  lastMale?: string;
}

const SOURCES: Record<string, NamePoolSource> = {
  PRT: {
    female: "Maria Paula,Ana,Conceição,Inês,Beatriz,Leonor,Mariana,Joana",
    male: "João,José,António,Gonçalo,Tomás,Rui,Luís,Sebastião",
    last: "Santos Mendes,Gonçalves,Simões,Magalhães,Araújo,Conceição,Pereira,Ferreira Lopes",
  },
  ESP: {
    female: "María,Lucía,Sofía,Inés,Ángela,Nuria,Begoña,María José",
    male: "José,Álvaro,Iñaki,Raúl,Andrés,Jesús,Óscar,Juan Ramón",
    last: "García Núñez,Martínez,Peña,Ibáñez,Muñoz Sánchez,Gómez,Fernández,Jiménez",
  },
  FRA: {
    female: "Hélène,Chloé,Léa,Maëlle,Océane,Françoise,Zoé,Agnès",
    male: "François,Jérôme,Loïc,Benoît,Étienne,Noël,Raphaël,Gaël",
    last: "Lefèvre,Dupré,Garçon,Gérard,Moreau,Rousseau,Lemaître,Bélanger",
  },
  DEU: {
    female: "Anna,Käthe,Lena,Hannah,Jördis,Ute,Grete,Mia",
    male: "Jürgen,Günther,Jörg,Lukas,Björn,Maximilian,Sören,Felix",
    last: "Müller,Schröder,Groß,Köhler,Weiß,Schäfer,Böhm,Krüger,Strauß",
  },
  ITA: {
    female: "Giulia,Chiara,Francesca,Benedetta,Ludovica,Aurora",
    male: "Niccolò,Mattia,Lorenzo,Gabriele,Davide,Tommaso",
    last: "Rossi,Bianchi,Esposito,Ferrara,Cantù,Della Rovere,D'Angelo,Abbà",
  },
  NLD: {
    female: "Anouk,Fenna,Sanne,Eline,Noëlle,Iris",
    male: "Daan,Sem,Thijs,Bram,Ruud,Joost",
    last: "de Vries,van den Berg,Bakker,Jansen,van Dijk,Visser,de Jong,Smit",
  },
  NOR: {
    female: "Lærke,Åse,Sølvi,Ingrid,Kari,Bjørg,Tone,Siri",
    male: "Øyvind,Håkon,Bjørn,Ståle,Jørgen,Lars,Ole,Eirik",
    last: "Ødegård,Bråten,Løvås,Hansen,Sæther,Solberg,Aasen,Dæhlie",
  },
  SWE: {
    female: "Åsa,Linnéa,Märta,Elsa,Maja,Ebba,Astrid,Saga",
    male: "Björn,Göran,Pär,Åke,Olle,Nils,Måns,Hjalmar",
    last: "Öberg,Åström,Lindqvist,Nyström,Sjögren,Löfgren,Bäckström,Ekström",
  },
  DNK: {
    female: "Freja,Ida,Mette,Birgitte,Signe,Asta,Karen,Dorthe",
    male: "Søren,Jens,Mads,Rasmus,Anders,Bent,Kjeld,Thøger",
    last: "Jørgensen,Sørensen,Møller,Kjær,Nørgaard,Bækgaard,Holm,Thøgersen",
  },
  FIN: {
    female: "Aino,Päivi,Sanna,Kaisa,Eeva,Tiina,Jaana,Kyllikki",
    male: "Jukka,Väinö,Pekka,Mikko,Tapio,Juha,Ari,Esa",
    last: "Mäkinen,Hämäläinen,Järvinen,Virtanen,Heikkilä,Lähteenmäki,Koskinen,Räikkönen",
  },
  ISL: {
    female: "Guðrún,Sigríður,Þórdís,Björk,Ásta,Hildur,Eyrún,Ragnheiður",
    male: "Þór,Guðmundur,Sigurður,Ólafur,Jón,Einar,Hörður,Ásgeir",
    lastFemale: "Sigurðardóttir,Jónsdóttir,Guðmundsdóttir,Ólafsdóttir,Þórsdóttir",
    lastMale: "Sigurðsson,Jónsson,Guðmundsson,Ólafsson,Þórsson",
  },
  POL: {
    female: "Zofia,Małgorzata,Agnieszka,Józefa,Łucja,Katarzyna,Urszula,Bożena",
    male: "Łukasz,Grzegorz,Paweł,Wojciech,Jędrzej,Michał,Zbigniew,Przemysław",
    lastFemale: "Kowalska,Wróbel,Krawczyk,Łukasiewicz,Wiśniewska,Dąbrowska,Zając,Sobczak",
    lastMale: "Kowalski,Wróbel,Krawczyk,Łukasiewicz,Wiśniewski,Dąbrowski,Zając,Sobczak",
  },
  CZE: {
    female: "Jana,Věra,Růžena,Zdeňka,Markéta,Lenka,Dagmar,Eliška",
    male: "Jiří,Tomáš,Ondřej,Lubomír,Václav,Radek,Přemysl,Zdeněk",
    lastFemale: "Dvořáková,Nováková,Černá,Procházková,Kučerová,Veselá,Horáková,Němcová",
    lastMale: "Dvořák,Novák,Černý,Procházka,Kučera,Veselý,Horák,Němec",
  },
  HUN: {
    female: "Zsófia,Réka,Ildikó,Erzsébet,Anikó,Dóra,Tünde,Kata",
    male: "Gábor,László,Zoltán,Bence,Ödön,Péter,Imre,Gyula",
    last: "Szőke,Kovács,Tóth,Nagy,Horváth,Varga,Szűcs,Fekete",
  },
  ROU: {
    female: "Ioana,Ștefania,Mădălina,Andreea,Raluca,Elena,Irina,Bianca",
    male: "Ștefan,Mihai,Răzvan,Andrei,Ionuț,Bogdan,Cătălin,Sorin",
    last: "Țurcanu,Popescu,Ionescu,Dumitrescu,Stănescu,Mureșan,Căpraru,Rădulescu",
  },
  HRV: {
    female: "Ana,Petra,Ivana,Željka,Mirjana,Lucija",
    male: "Ivan,Luka,Matej,Željko,Dražen,Tomislav",
    last: "Horvat,Kovačević,Babić,Marić,Jurić,Novak,Knežević,Vuković",
  },
  LVA: {
    female: "Līga,Ilze,Inese,Dace,Māra,Kristīne",
    male: "Jānis,Andris,Mārtiņš,Pēteris,Edgars,Krišjānis",
    lastFemale: "Bērziņa,Kalniņa,Ozoliņa,Liepiņa,Krūmiņa",
    lastMale: "Bērziņš,Kalniņš,Ozoliņš,Liepiņš,Krūmiņš",
  },
  GRC: {
    female: "Eleni,Maria,Dimitra,Sofia,Katerina,Georgia",
    male: "Georgios,Dimitrios,Konstantinos,Nikolaos,Ioannis,Christos",
    lastFemale: "Papadopoulou,Georgiou,Nikolaou,Karagianni,Oikonomou",
    lastMale: "Papadopoulos,Georgiou,Nikolaou,Karagiannis,Oikonomou",
  },
  IRL: {
    female: "Siobhán,Aoife,Niamh,Sinéad,Róisín,Caoimhe",
    male: "Seán,Pádraig,Cian,Oisín,Ciarán,Darragh",
    last: "O'Brien,Murphy,Ó Súilleabháin,Mac Cárthaigh,Kelly,Byrne,O'Connor,Walsh",
  },
  GBR: {
    female: "Olivia,Amelia,Isla,Charlotte,Emily,Zoë",
    male: "Oliver,George,Harry,Arthur,Noah,Rhys",
    last: "Smith,Jones,Taylor,Brown,Williams,Davies,Evans,Llewellyn",
  },
  TUR: {
    female: "Çağla,Ayşe,Gülşen,Şule,Öykü,Elif,Zeynep,İrem",
    male: "Mehmet,Oğuz,Çağatay,Barış,Ömer,Selçuk,Emre,İsmail",
    last: "Yılmaz,Öztürk,Şahin,Çelik,Doğan,Aydın,Koç,Güneş",
  },
  USA: {
    female: "Emma,Ava,Harper,Madison,Renée,Chloe",
    male: "Liam,James,Ethan,Mason,José,Logan",
    last: "Johnson,Miller,Davis,García,Rodríguez,Anderson,Thompson,Nguyen",
  },
  BRA: {
    female: "Ana Júlia,Letícia,Lívia,Beatriz,Vitória,Cecília",
    male: "João Pedro,Luís Otávio,Caio,Thiago,Antônio,Vinícius",
    last: "da Silva,Araújo,Conceição,Gonçalves,Assunção,Brandão,Simões,Ribeiro",
  },
  MEX: {
    female: "Guadalupe,Ximena,Fernanda,Renata,Itzel,Dolores",
    male: "José Luis,Jesús,Ángel,Rogelio,Héctor,Joaquín",
    last: "Hernández,López,González,Pérez,Ramírez,Cázares,Ordóñez,Velázquez",
  },
  VNM: {
    female: "Thị Hương,Thị Lan,Ngọc Ánh,Thu Trang,Mỹ Linh,Phương Thảo",
    male: "Văn Đức,Minh Tuấn,Quốc Bảo,Hữu Phước,Đình Khang,Thành Long",
    last: "Nguyễn,Trần,Lê,Phạm,Hoàng,Phan,Vũ,Đặng",
  },
};

export interface NamePool {
  female: readonly string[];
  male: readonly string[];
  lastFemale: readonly string[];
  lastMale: readonly string[];
}

const split = (list: string | undefined): string[] => (list ? list.split(",") : []);

const POOLS = new Map<string, NamePool>(
  Object.entries(SOURCES).map(([code, s]) => [
    code,
    {
      female: split(s.female),
      male: split(s.male),
      lastFemale: split(s.lastFemale ?? s.last),
      lastMale: split(s.lastMale ?? s.last),
    },
  ]),
);

export function namePool(countryCode: string): NamePool {
  const pool = POOLS.get(countryCode);
  if (!pool) throw new Error(`no names for ${countryCode}`);
  return pool;
}
