package io.ticketdesk.plugins.textmodules;

import io.ticketdesk.plugin.api.DefaultTextModule;
import io.ticketdesk.plugin.api.TextModuleSet;
import java.util.List;

/**
 * The default texts, one set per storefront in its language. Placeholders are those the core knows
 * (see {@code io.ticketdesk.plugin.testkit.TextModuleRules#KNOWN_PLACEHOLDERS}); the texts are
 * polite, address the buyer by name and end with the seller's name.
 */
final class DefaultTexts {

  static final String RETURN_LABEL = "return-label";
  static final String DELIVERY_DELAY = "delivery-delay";
  static final String MISSING_PARTS = "missing-parts";
  static final String INVOICE = "invoice";
  static final String CUSTOMER_SERVICE = "customer-service";

  /** The return option of the {@code return-label} module: the app attaches a prepaid label. */
  static final String PREPAID_LABEL = "prepaid_label";

  private DefaultTexts() {}

  static List<TextModuleSet> all() {
    return List.of(de(), at(), cz(), sk(), pl(), fr(), it());
  }

  /** The five modules, in the order of the keys above. */
  private static TextModuleSet set(
      String storefront,
      String locale,
      String returnLabelName,
      String returnLabelBody,
      String delayName,
      String delayBody,
      String missingPartsName,
      String missingPartsBody,
      String invoiceName,
      String invoiceBody,
      String customerServiceName,
      String customerServiceBody) {
    return new TextModuleSet(
        storefront,
        locale,
        List.of(
            new DefaultTextModule(
                RETURN_LABEL, returnLabelName, returnLabelBody.strip(), PREPAID_LABEL),
            DefaultTextModule.of(DELIVERY_DELAY, delayName, delayBody.strip()),
            DefaultTextModule.of(MISSING_PARTS, missingPartsName, missingPartsBody.strip()),
            DefaultTextModule.of(INVOICE, invoiceName, invoiceBody.strip()),
            DefaultTextModule.of(
                CUSTOMER_SERVICE, customerServiceName, customerServiceBody.strip())));
  }

  static TextModuleSet de() {
    return set(
        "de",
        "de-DE",
        "Rücksendung mit vorfrankiertem Rücksendeetikett",
        """
        Guten Tag {{buyer.name}},

        vielen Dank für Ihre Nachricht zu Ihrer Bestellung {{order.number}}. Es tut uns leid, dass \
        der Artikel nicht Ihren Erwartungen entspricht.

        Für die Rücksendung haben wir Ihnen ein kostenloses, vorfrankiertes Rücksendeetikett \
        erstellt. Sie können es hier herunterladen und ausdrucken:
        {{returnLabel.url}}

        Bitte verpacken Sie den Artikel sicher, kleben Sie das Etikett gut sichtbar auf das Paket \
        und geben Sie es bei einer Annahmestelle des Versanddienstleisters ab. Ihre Sendungsnummer \
        lautet {{returnLabel.trackingNumber}}. Sobald die Rücksendung bei uns eingegangen ist, \
        erstatten wir Ihnen den Kaufpreis.

        Mit freundlichen Grüßen
        {{seller.name}}
        """,
        "Lieferverzögerung",
        """
        Guten Tag {{buyer.name}},

        vielen Dank für Ihre Nachfrage zu Ihrer Bestellung {{order.number}}. Leider verzögert sich \
        die Lieferung; bitte entschuldigen Sie die Unannehmlichkeiten.

        Wir setzen alles daran, dass Ihre Sendung so schnell wie möglich bei Ihnen ankommt, und \
        melden uns, sobald wir Neuigkeiten haben.

        Mit freundlichen Grüßen
        {{seller.name}}
        """,
        "Fehlende Teile",
        """
        Guten Tag {{buyer.name}},

        es tut uns leid, dass bei Ihrer Bestellung {{order.number}} ({{orderUnit.title}}) Teile \
        fehlen. Damit wir Ihnen schnell helfen können, teilen Sie uns bitte mit, welche Teile \
        fehlen, und senden Sie uns nach Möglichkeit ein Foto des Paketinhalts.

        Die fehlenden Teile schicken wir Ihnen dann umgehend und kostenlos zu.

        Mit freundlichen Grüßen
        {{seller.name}}
        """,
        "Rechnung anfordern",
        """
        Guten Tag {{buyer.name}},

        vielen Dank für Ihre Nachricht. Gern senden wir Ihnen die Rechnung zu Ihrer Bestellung \
        {{order.number}} zu; Sie erhalten sie in Kürze.

        Falls Sie eine Rechnung mit abweichenden Angaben (zum Beispiel einer Firmenanschrift) \
        benötigen, teilen Sie uns die gewünschten Daten bitte mit.

        Mit freundlichen Grüßen
        {{seller.name}}
        """,
        "Weiterleitung an den Kundenservice",
        """
        Guten Tag {{buyer.name}},

        vielen Dank für Ihre Nachricht zu Ihrer Bestellung {{order.number}}. Ihr Anliegen kann der \
        Kundenservice des Marktplatzes am besten klären. Wir haben Ihre Anfrage (Ticket \
        {{ticket.number}}) deshalb an den Kundenservice übergeben, der sich in Kürze direkt bei \
        Ihnen meldet.

        Mit freundlichen Grüßen
        {{seller.name}}
        """);
  }

  static TextModuleSet at() {
    return set(
        "at",
        "de-AT",
        "Rücksendung mit vorfrankiertem Rücksendeetikett",
        """
        Grüß Gott {{buyer.name}},

        vielen Dank für Ihre Nachricht zu Ihrer Bestellung {{order.number}}. Es tut uns leid, dass \
        der Artikel nicht Ihren Vorstellungen entspricht.

        Für die Rücksendung haben wir für Sie ein kostenloses, bereits bezahltes Rücksendeetikett \
        erstellt. Sie können es hier herunterladen und ausdrucken:
        {{returnLabel.url}}

        Bitte verpacken Sie den Artikel gut, kleben Sie das Etikett sichtbar auf das Paket und \
        geben Sie es bei einer Abgabestelle des Paketdienstes ab. Die Sendungsnummer \
        lautet {{returnLabel.trackingNumber}}. Sobald das Paket bei uns eingelangt ist, erstatten \
        wir Ihnen den Kaufpreis.

        Mit freundlichen Grüßen
        {{seller.name}}
        """,
        "Lieferverzögerung",
        """
        Grüß Gott {{buyer.name}},

        vielen Dank für Ihre Anfrage zu Ihrer Bestellung {{order.number}}. Leider verzögert sich \
        die Zustellung; wir bitten um Entschuldigung.

        Wir kümmern uns darum, dass Ihr Paket so rasch wie möglich bei Ihnen ist, und melden uns, \
        sobald wir Neuigkeiten haben.

        Mit freundlichen Grüßen
        {{seller.name}}
        """,
        "Fehlende Teile",
        """
        Grüß Gott {{buyer.name}},

        es tut uns leid, dass bei Ihrer Bestellung {{order.number}} ({{orderUnit.title}}) Teile \
        fehlen. Damit wir Ihnen rasch helfen können, schreiben Sie uns bitte, welche Teile fehlen, \
        und schicken Sie uns wenn möglich ein Foto des Paketinhalts.

        Die fehlenden Teile senden wir Ihnen dann umgehend und kostenlos nach.

        Mit freundlichen Grüßen
        {{seller.name}}
        """,
        "Rechnung anfordern",
        """
        Grüß Gott {{buyer.name}},

        vielen Dank für Ihre Nachricht. Die Rechnung zu Ihrer Bestellung {{order.number}} senden \
        wir Ihnen gerne zu; Sie erhalten sie in Kürze.

        Benötigen Sie eine Rechnung mit anderen Angaben (zum Beispiel einer Firmenadresse oder \
        UID-Nummer), teilen Sie uns diese bitte mit.

        Mit freundlichen Grüßen
        {{seller.name}}
        """,
        "Weiterleitung an den Kundenservice",
        """
        Grüß Gott {{buyer.name}},

        vielen Dank für Ihre Nachricht zu Ihrer Bestellung {{order.number}}. Ihr Anliegen kann der \
        Kundenservice des Marktplatzes am besten klären. Wir haben Ihre Anfrage (Ticket \
        {{ticket.number}}) daher an den Kundenservice weitergegeben, der sich in Kürze direkt bei \
        Ihnen meldet.

        Mit freundlichen Grüßen
        {{seller.name}}
        """);
  }

  static TextModuleSet cz() {
    return set(
        "cz",
        "cs-CZ",
        "Vrácení zboží s předplaceným štítkem",
        """
        Dobrý den, {{buyer.name}},

        děkujeme za Vaši zprávu k objednávce {{order.number}}. Je nám líto, že zboží nesplnilo \
        Vaše očekávání.

        Pro vrácení zboží jsme pro Vás připravili bezplatný předplacený přepravní štítek. Můžete si \
        jej stáhnout a vytisknout zde:
        {{returnLabel.url}}

        Zboží prosím pečlivě zabalte, štítek nalepte viditelně na balík a odevzdejte jej na \
        podacím místě přepravce. Číslo zásilky je {{returnLabel.trackingNumber}}. Jakmile zásilku \
        obdržíme, vrátíme Vám kupní cenu.

        S pozdravem
        {{seller.name}}
        """,
        "Zpoždění dodávky",
        """
        Dobrý den, {{buyer.name}},

        děkujeme za Váš dotaz k objednávce {{order.number}}. Doručení se bohužel zpozdilo, za což \
        se Vám omlouváme.

        Děláme vše pro to, aby zásilka dorazila co nejdříve, a jakmile budeme mít nové informace, \
        ozveme se Vám.

        S pozdravem
        {{seller.name}}
        """,
        "Chybějící díly",
        """
        Dobrý den, {{buyer.name}},

        je nám líto, že v objednávce {{order.number}} ({{orderUnit.title}}) chybí některé díly. \
        Abychom Vám mohli rychle pomoci, napište nám prosím, které díly chybí, a pokud je to \
        možné, pošlete nám fotografii obsahu balení.

        Chybějící díly Vám poté obratem a zdarma zašleme.

        S pozdravem
        {{seller.name}}
        """,
        "Žádost o fakturu",
        """
        Dobrý den, {{buyer.name}},

        děkujeme za Vaši zprávu. Fakturu k objednávce {{order.number}} Vám rádi zašleme, obdržíte \
        ji v nejbližší době.

        Pokud potřebujete fakturu s jinými údaji (například s IČO nebo adresou firmy), sdělte nám \
        je prosím.

        S pozdravem
        {{seller.name}}
        """,
        "Předání zákaznickému servisu",
        """
        Dobrý den, {{buyer.name}},

        děkujeme za Vaši zprávu k objednávce {{order.number}}. Vaši záležitost nejlépe vyřeší \
        zákaznický servis tržiště, proto jsme mu Váš požadavek (tiket {{ticket.number}}) předali. \
        Zákaznický servis se Vám brzy ozve přímo.

        S pozdravem
        {{seller.name}}
        """);
  }

  static TextModuleSet sk() {
    return set(
        "sk",
        "sk-SK",
        "Vrátenie tovaru s predplateným štítkom",
        """
        Dobrý deň, {{buyer.name}},

        ďakujeme za Vašu správu k objednávke {{order.number}}. Je nám ľúto, že tovar nesplnil \
        Vaše očakávania.

        Na vrátenie tovaru sme pre Vás pripravili bezplatný predplatený prepravný štítok. Môžete \
        si ho stiahnuť a vytlačiť tu:
        {{returnLabel.url}}

        Tovar prosím starostlivo zabaľte, štítok nalepte viditeľne na balík a odovzdajte ho na \
        podacom mieste prepravcu. Číslo zásielky je {{returnLabel.trackingNumber}}. Hneď ako \
        zásielku dostaneme, vrátime Vám kúpnu cenu.

        S pozdravom
        {{seller.name}}
        """,
        "Oneskorenie dodania",
        """
        Dobrý deň, {{buyer.name}},

        ďakujeme za Vašu otázku k objednávke {{order.number}}. Doručenie sa, žiaľ, oneskorilo, za \
        čo sa Vám ospravedlňujeme.

        Robíme všetko pre to, aby zásielka dorazila čo najskôr, a hneď ako budeme mať nové \
        informácie, ozveme sa Vám.

        S pozdravom
        {{seller.name}}
        """,
        "Chýbajúce diely",
        """
        Dobrý deň, {{buyer.name}},

        je nám ľúto, že v objednávke {{order.number}} ({{orderUnit.title}}) chýbajú niektoré \
        diely. Aby sme Vám mohli rýchlo pomôcť, napíšte nám prosím, ktoré diely chýbajú, a ak je \
        to možné, pošlite nám fotografiu obsahu balenia.

        Chýbajúce diely Vám potom obratom a bezplatne zašleme.

        S pozdravom
        {{seller.name}}
        """,
        "Žiadosť o faktúru",
        """
        Dobrý deň, {{buyer.name}},

        ďakujeme za Vašu správu. Faktúru k objednávke {{order.number}} Vám radi pošleme, dostanete \
        ju čoskoro.

        Ak potrebujete faktúru s inými údajmi (napríklad s IČO alebo adresou firmy), oznámte nám \
        ich prosím.

        S pozdravom
        {{seller.name}}
        """,
        "Odovzdanie zákazníckemu servisu",
        """
        Dobrý deň, {{buyer.name}},

        ďakujeme za Vašu správu k objednávke {{order.number}}. Vašu požiadavku najlepšie vyrieši \
        zákaznícky servis trhoviska, preto sme ju (tiket {{ticket.number}}) odovzdali jemu. \
        Zákaznícky servis sa Vám čoskoro ozve priamo.

        S pozdravom
        {{seller.name}}
        """);
  }

  static TextModuleSet pl() {
    return set(
        "pl",
        "pl-PL",
        "Zwrot z opłaconą etykietą zwrotną",
        """
        Dzień dobry {{buyer.name}},

        dziękujemy za wiadomość dotyczącą zamówienia {{order.number}}. Przykro nam, że produkt nie \
        spełnił Państwa oczekiwań.

        Przygotowaliśmy dla Państwa bezpłatną, opłaconą etykietę zwrotną. Można ją pobrać i \
        wydrukować tutaj:
        {{returnLabel.url}}

        Prosimy starannie zapakować produkt, nakleić etykietę w widocznym miejscu na paczce i nadać \
        ją w punkcie przewoźnika. Numer przesyłki to {{returnLabel.trackingNumber}}. Po otrzymaniu \
        zwrotu niezwłocznie zwrócimy Państwu cenę zakupu.

        Pozdrawiamy serdecznie
        {{seller.name}}
        """,
        "Opóźnienie dostawy",
        """
        Dzień dobry {{buyer.name}},

        dziękujemy za zapytanie dotyczące zamówienia {{order.number}}. Niestety dostawa jest \
        opóźniona – bardzo przepraszamy za niedogodności.

        Dokładamy wszelkich starań, aby przesyłka dotarła jak najszybciej, i odezwiemy się, gdy \
        tylko będziemy mieli nowe informacje.

        Pozdrawiamy serdecznie
        {{seller.name}}
        """,
        "Brakujące części",
        """
        Dzień dobry {{buyer.name}},

        przykro nam, że w zamówieniu {{order.number}} ({{orderUnit.title}}) brakuje części. Aby \
        szybko pomóc, prosimy o informację, których elementów brakuje, oraz – jeśli to możliwe – \
        o zdjęcie zawartości przesyłki.

        Brakujące części wyślemy Państwu niezwłocznie i bezpłatnie.

        Pozdrawiamy serdecznie
        {{seller.name}}
        """,
        "Prośba o fakturę",
        """
        Dzień dobry {{buyer.name}},

        dziękujemy za wiadomość. Chętnie prześlemy fakturę do zamówienia {{order.number}} – \
        otrzymają ją Państwo wkrótce.

        Jeśli potrzebują Państwo faktury z innymi danymi (na przykład z numerem NIP lub adresem \
        firmy), prosimy o ich przesłanie.

        Pozdrawiamy serdecznie
        {{seller.name}}
        """,
        "Przekazanie do obsługi klienta",
        """
        Dzień dobry {{buyer.name}},

        dziękujemy za wiadomość dotyczącą zamówienia {{order.number}}. Tę sprawę najlepiej wyjaśni \
        dział obsługi klienta platformy, dlatego przekazaliśmy Państwa zgłoszenie (nr \
        {{ticket.number}}) do obsługi klienta, która wkrótce skontaktuje się z Państwem \
        bezpośrednio.

        Pozdrawiamy serdecznie
        {{seller.name}}
        """);
  }

  static TextModuleSet fr() {
    return set(
        "fr",
        "fr-FR",
        "Retour avec étiquette prépayée",
        """
        Bonjour {{buyer.name}},

        Nous vous remercions pour votre message concernant votre commande {{order.number}} et \
        sommes désolés que l'article ne vous donne pas satisfaction.

        Nous avons créé pour vous une étiquette de retour prépayée et gratuite. Vous pouvez la \
        télécharger et l'imprimer ici :
        {{returnLabel.url}}

        Merci d'emballer soigneusement l'article, de coller l'étiquette bien en vue sur le colis et \
        de le déposer dans un point de dépôt du transporteur. Le numéro de suivi est \
        {{returnLabel.trackingNumber}}. Dès réception du retour, nous vous rembourserons le prix \
        d'achat.

        Bien cordialement,
        {{seller.name}}
        """,
        "Retard de livraison",
        """
        Bonjour {{buyer.name}},

        Merci pour votre message concernant votre commande {{order.number}}. La livraison a \
        malheureusement pris du retard ; nous vous prions de nous en excuser.

        Nous faisons le nécessaire pour que votre colis vous parvienne au plus vite et reviendrons \
        vers vous dès que nous aurons du nouveau.

        Bien cordialement,
        {{seller.name}}
        """,
        "Pièces manquantes",
        """
        Bonjour {{buyer.name}},

        Nous sommes désolés qu'il manque des pièces dans votre commande {{order.number}} \
        ({{orderUnit.title}}). Afin de vous aider rapidement, pourriez-vous nous indiquer les \
        pièces manquantes et, si possible, nous envoyer une photo du contenu du colis ?

        Nous vous enverrons ensuite les pièces manquantes gratuitement et dans les plus brefs \
        délais.

        Bien cordialement,
        {{seller.name}}
        """,
        "Demande de facture",
        """
        Bonjour {{buyer.name}},

        Merci pour votre message. Nous vous transmettons volontiers la facture de votre commande \
        {{order.number}} ; vous la recevrez très prochainement.

        Si vous avez besoin d'une facture comportant d'autres informations (par exemple le nom et \
        l'adresse de votre société), merci de nous les communiquer.

        Bien cordialement,
        {{seller.name}}
        """,
        "Transfert au service client",
        """
        Bonjour {{buyer.name}},

        Merci pour votre message concernant votre commande {{order.number}}. Le service client de \
        la place de marché est le mieux placé pour traiter votre demande ; nous lui avons donc \
        transmis votre ticket ({{ticket.number}}). Il reviendra vers vous directement dans les \
        meilleurs délais.

        Bien cordialement,
        {{seller.name}}
        """);
  }

  static TextModuleSet it() {
    return set(
        "it",
        "it-IT",
        "Reso con etichetta prepagata",
        """
        Gentile {{buyer.name}},

        grazie per il Suo messaggio relativo all'ordine {{order.number}}. Ci dispiace che \
        l'articolo non abbia soddisfatto le Sue aspettative.

        Per il reso abbiamo preparato per Lei un'etichetta di reso prepagata e gratuita, che può \
        scaricare e stampare qui:
        {{returnLabel.url}}

        La preghiamo di imballare con cura l'articolo, applicare l'etichetta in modo ben visibile \
        sul pacco e consegnarlo presso un punto di ritiro del corriere. Il numero di spedizione è \
        {{returnLabel.trackingNumber}}. Non appena riceveremo il reso, Le rimborseremo il prezzo \
        d'acquisto.

        Cordiali saluti
        {{seller.name}}
        """,
        "Ritardo nella consegna",
        """
        Gentile {{buyer.name}},

        grazie per la Sua richiesta relativa all'ordine {{order.number}}. Purtroppo la consegna \
        ha subito un ritardo, di cui ci scusiamo.

        Stiamo facendo il possibile perché la spedizione Le arrivi al più presto e La aggiorneremo \
        non appena avremo novità.

        Cordiali saluti
        {{seller.name}}
        """,
        "Parti mancanti",
        """
        Gentile {{buyer.name}},

        ci dispiace che nell'ordine {{order.number}} ({{orderUnit.title}}) manchino alcune parti. \
        Per aiutarLa rapidamente, può indicarci quali parti mancano e, se possibile, inviarci una \
        foto del contenuto della confezione?

        Le invieremo subito e gratuitamente le parti mancanti.

        Cordiali saluti
        {{seller.name}}
        """,
        "Richiesta di fattura",
        """
        Gentile {{buyer.name}},

        grazie per il Suo messaggio. Le invieremo volentieri la fattura dell'ordine \
        {{order.number}}, che riceverà a breve.

        Se ha bisogno di una fattura con dati diversi (ad esempio partita IVA o indirizzo \
        dell'azienda), La preghiamo di comunicarceli.

        Cordiali saluti
        {{seller.name}}
        """,
        "Inoltro al servizio clienti",
        """
        Gentile {{buyer.name}},

        grazie per il Suo messaggio relativo all'ordine {{order.number}}. La Sua richiesta può \
        essere gestita al meglio dal servizio clienti del marketplace; abbiamo quindi inoltrato il \
        ticket {{ticket.number}} al servizio clienti, che La contatterà direttamente a breve.

        Cordiali saluti
        {{seller.name}}
        """);
  }
}
