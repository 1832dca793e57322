package io.ticketdesk.benchmarks;

import io.ticketdesk.domain.Buyer;
import io.ticketdesk.domain.BuyerId;
import java.util.Locale;
import java.util.SplittableRandom;

/** Plausible names, addresses and products. */
final class Names {
  private Names() {}

  static final String[] FIRST = {
    "Anna", "Lukas", "Marie", "Jonas", "Sophie", "Felix", "Lena", "Paul", "Jana", "Tomas",
    "Eva", "Piotr", "Zofia", "Marek", "Claire", "Julien", "Giulia", "Marco", "Petra", "Martin",
    "Katarina", "Jakub", "Ewa", "Chiara", "Luca", "Emma", "Hugo", "Lea", "Noah", "Mia"
  };
  static final String[] LAST = {
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Novák", "Svoboda", "Horváth", "Kováč",
    "Nowak", "Kowalski", "Wiśniewski", "Martin", "Bernard", "Dubois", "Rossi", "Russo", "Bianchi",
    "Gruber", "Huber", "Wagner", "Becker", "Hoffmann", "Keller", "Wolf"
  };
  private static final String[] LAST_ASCII = {
    "mueller", "schmidt", "schneider", "fischer", "weber", "novak", "svoboda", "horvath", "kovac",
    "nowak", "kowalski", "wisniewski", "martin", "bernard", "dubois", "rossi", "russo", "bianchi",
    "gruber", "huber", "wagner", "becker", "hoffmann", "keller", "wolf"
  };
  private static final String[] COMPANY_WORDS = {
    "Nordlicht",
    "Alpen",
    "Moldau",
    "Tatra",
    "Wisła",
    "Rivage",
    "Laguna",
    "Bergwerk",
    "Hafen",
    "Sonnen",
    "Eisvogel",
    "Kranich",
    "Lindwurm",
    "Fuchsbau",
    "Bernstein",
    "Kiesel",
    "Polar"
  };
  private static final String[] COMPANY_KINDS = {
    "Outdoor",
    "Haushalt",
    "Elektronik",
    "Garten",
    "Sport",
    "Spielwaren",
    "Möbel",
    "Werkzeug",
    "Mode",
    "Küche",
    "Auto",
    "Tierbedarf",
    "Bürobedarf"
  };
  private static final String[] LEGAL = {"GmbH", "AG", "s.r.o.", "sp. z o.o.", "SARL", "S.r.l."};
  private static final String[] STREETS = {
    "Hafenstraße", "Hauptstraße", "Bahnhofstraße", "Mariahilfer Straße", "Václavské náměstí",
    "Ulica Długa", "Rue de la Paix", "Via Roma", "Lindenallee", "Industriestraße"
  };

  /** {country, city, postal code}. */
  static final String[][] CITIES = {
    {"DE", "Hamburg", "20457"},
    {"DE", "Berlin", "10115"},
    {"DE", "München", "80331"},
    {"DE", "Köln", "50667"},
    {"AT", "Wien", "1010"},
    {"CZ", "Praha", "11000"},
    {"SK", "Bratislava", "81101"},
    {"PL", "Warszawa", "00-001"},
    {"FR", "Strasbourg", "67000"},
    {"IT", "Milano", "20121"}
  };

  static final String[] PRODUCTS = {
    "Bike rack for two bicycles",
    "Cordless drill 18 V with two batteries",
    "Espresso machine, stainless steel",
    "Garden hose 25 m",
    "LED desk lamp, dimmable",
    "Running shoes, size 42",
    "Children's bicycle 16 inch",
    "Robot vacuum cleaner",
    "Winter jacket, waterproof",
    "Office chair, ergonomic",
    "Cast iron pan 28 cm",
    "Bluetooth headphones",
    "Camping tent for four",
    "Cat scratching post",
    "Dishwasher tablets, 100 pieces",
    "Smartphone case",
    "Wall shelf, oak",
    "Electric kettle 1.7 l",
    "Car seat cover set",
    "Board game for the family",
    "Pressure washer 130 bar",
    "Duvet 135 x 200",
    "Yoga mat",
    "USB-C charger 65 W"
  };

  static String company(SplittableRandom random, int id) {
    return COMPANY_WORDS[random.nextInt(COMPANY_WORDS.length)]
        + " "
        + COMPANY_KINDS[random.nextInt(COMPANY_KINDS.length)]
        + " "
        + LEGAL[random.nextInt(LEGAL.length)]
        + " #"
        + id;
  }

  static String street(SplittableRandom random) {
    return STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(180));
  }

  /** A buyer's name and e-mail address, fixed by the id. */
  static Buyer buyer(long id) {
    int f = (int) (id % FIRST.length);
    int l = (int) ((id / FIRST.length) % LAST.length);
    String name = FIRST[f] + " " + LAST[l];
    String email = FIRST[f].toLowerCase(Locale.ROOT) + "." + LAST_ASCII[l] + id + "@example.com";
    return new Buyer(BuyerId.of(id), name, email);
  }
}
