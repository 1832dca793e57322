// The page's own texts in English and German; the browser's language chooses (DE|EN switches).

const en = {
  'app.title': 'Ticketdesk',
  'skip': 'Skip to content',
  'nav.tickets': 'Tickets', 'nav.textModules': 'Text modules', 'nav.kpi': 'Performance', 'nav.docs': 'API',
  'signin.title': 'Sign in to the seller workspace',
  'signin.token': 'API token', 'signin.hint': 'Paste the token you were given (e.g. the seller token that ./ticketdesk prints). It is exchanged for a session; the page never keeps it.',
  'signin.submit': 'Sign in', 'signout': 'Sign out', 'signedInAs': 'Signed in as {who}',
  'role.seller': 'seller {id}', 'role.customer_service': 'customer service', 'role.marketplace': 'marketplace', 'role.buyer': 'buyer {id}',
  'signin.buyer': 'This workspace is for sellers and customer service; buyers write through the storefront.',
  'search.label': 'Search ticket or order no.', 'search.submit': 'Search', 'search.clear': 'Clear',
  'tab.open': 'Open', 'tab.waiting': 'Waiting', 'tab.closed': 'Closed', 'tab.queue': 'Customer service queue',
  'filter.topic': 'Topic', 'filter.reason': 'Reason', 'filter.storefront': 'Storefront', 'filter.period': 'Period', 'filter.all': 'All',
  'period.7': 'Last 7 days', 'period.30': 'Last 30 days', 'period.90': 'Last 90 days', 'period.365': 'Last 12 months',
  'col.ticket': 'Ticket', 'col.order': 'Order', 'col.buyer': 'Buyer', 'col.storefront': 'Storefront', 'col.reason': 'Reason · topic', 'col.due': 'Time left', 'col.waiting': 'Waiting on', 'col.actions': 'Actions',
  'row.showOrder': 'Show order details', 'row.process': 'Process ticket',
  'buyer.id': 'Buyer {id}',
  'due.overdue': 'overdue by {t} of working time', 'due.in': '{t} of working time left', 'due.answered': 'answered', 'due.closed': 'closed', 'due.none': '—',
  'due.working': 'working time',
  'waiting.buyer': 'buyer', 'waiting.customer_service': 'customer service',
  'list.empty': 'No tickets here.', 'list.changed': 'The list has changed: show it', 'list.more': 'Load more', 'list.count': '{n} shown',
  'status.open': 'open', 'status.waiting': 'waiting', 'status.closed': 'closed',
  'ticket.back': 'Back to the tickets', 'ticket.deadline': 'Deadline', 'ticket.status': 'Status', 'ticket.order': 'Order', 'ticket.opened': 'Opened',
  'ticket.waitingOn': 'waiting on {who}',
  'policy.title': 'Return policy', 'policy.notApplies': 'does not apply to this ticket',
  'policy.applies': 'applies', 'policy.phase.none': 'not in force', 'policy.phase.transitional': 'transitional period (breaches are warnings)', 'policy.phase.enforced': 'enforced',
  'policy.satisfied': 'A valid return option was offered.', 'policy.owed': 'The first response must offer one of the valid return options.',
  'policy.valid': 'Valid options', 'policy.sellerAddressNo': 'seller address: no (only for items worth at most 40 EUR, converted at the day\'s reference rate)',
  'policy.breach': 'Breach recorded on {at}: the order was cancelled and refunded at your expense. You may contact the buyer to get the goods back until {until}.',
  'policy.consequence': 'In the enforced phase a first response without a valid option leads to cancellation and a full refund at your expense.',
  'chat.title': 'Conversation', 'chat.buyer': 'Buyer', 'chat.seller': 'Seller', 'chat.customer_service': 'Customer service', 'chat.system': 'System', 'chat.note': 'Internal note',
  'chat.empty': 'No messages.', 'chat.options': 'Return options offered: {list}',
  'composer.label': 'Your answer', 'composer.internal': 'Internal note (the buyer does not see it)', 'composer.send': 'Send',
  'composer.modules': 'Text modules', 'composer.noModules': 'No text modules for this storefront.',
  'composer.option': 'Return option (required for this first response)', 'composer.optionMissing': 'Choose a return option: this first response to a return request must offer one of the valid options (the API refuses it otherwise).',
  'composer.carrier': 'Carrier', 'composer.url': 'Label URL (https)', 'composer.sent': 'Message sent.',
  'option.prepaid_label': 'Create a carrier label', 'option.label_url': 'Label URL', 'option.seller_address': 'Seller address', 'option.refund_without_return': 'Refund without return', 'option.label_in_package': 'Label in the package',
  'ticket.changed': 'This ticket has changed: show the latest', 'ticket.updated': 'The ticket was updated.',
  'actions.menu': 'Select action', 'actions.order': 'Order details', 'actions.refund': 'Partial refund', 'actions.cancel': 'Cancel order unit', 'actions.escalate': 'Notify customer service', 'actions.close': 'Close ticket', 'actions.handback': 'Hand back to the seller', 'actions.mark': 'Mark as return request',
  'mark.explain': 'Ticket {n} becomes a return request: your next message to the buyer must offer a valid return option, due 48 working hours from now.', 'mark.intent': 'What the buyer wants', 'mark.done': 'Marked as a return request.', 'mark.stale': 'The ticket was changed meanwhile (see the chat): reload it and decide again.', 'mark.reload': 'Reload ticket',
  'order.unit': 'Unit', 'order.title': 'Item', 'order.price': 'Price', 'order.state': 'State', 'order.refunded': 'Refunded', 'order.remaining': 'Remaining', 'order.buyer': 'Buyer', 'order.ordered': 'Ordered',
  'form.unit': 'Order unit', 'form.amount': 'Amount ({currency})', 'form.reason': 'Reason', 'form.note': 'Note', 'form.submit': 'Submit', 'form.cancel': 'Cancel',
  'refund.done': 'Refunded {amount}.', 'cancel.done': 'Unit cancelled.', 'escalate.done': 'Customer service was notified.', 'handback.done': 'Handed back to the seller.',
  'close.confirm': 'Close ticket {n}? The buyer can still answer; a closed ticket leaves the open list.', 'close.yes': 'Close ticket', 'close.reason': 'Reason (needed to close a ticket the seller never answered)', 'close.done': 'Ticket closed.',
  'tm.title': 'Text modules', 'tm.storefront': 'Storefront', 'tm.locale': 'Language', 'tm.name': 'Name', 'tm.body': 'Text', 'tm.source': 'Source', 'tm.new': 'New text module', 'tm.edit': 'Edit', 'tm.delete': 'Delete', 'tm.save': 'Save', 'tm.saved': 'Saved.', 'tm.deleted': 'Deleted.',
  'tm.readOnly': 'default (read-only)', 'tm.own': 'own', 'tm.placeholders': 'Placeholders', 'tm.preview': 'Preview', 'tm.previewTicket': 'Ticket no. for the preview', 'tm.previewHint': 'Without a ticket number the placeholders are shown with what they stand for.', 'tm.confirmDelete': 'Delete text module "{name}"?', 'tm.empty': 'No text modules yet.',
  'kpi.title': 'Service performance', 'kpi.rate': 'On-time first responses per week (last 12 weeks)', 'kpi.week': 'Week', 'kpi.onTime': 'On time', 'kpi.responses': 'First responses', 'kpi.median': 'Median (working h)', 'kpi.p90': 'p90 (working h)', 'kpi.overdue': 'Open overdue tickets', 'kpi.noData': 'no first responses',
  'error.generic': 'Something went wrong: {detail}', 'loading': 'Loading…', 'lang': 'Language',
  'keys.help': 'Keys: / search · j/k move · Enter open · r reply · a actions · Esc back',
};

const de = {
  'app.title': 'Ticketdesk',
  'skip': 'Zum Inhalt springen',
  'nav.tickets': 'Tickets', 'nav.textModules': 'Textbausteine', 'nav.kpi': 'Servicequalität', 'nav.docs': 'API',
  'signin.title': 'Anmelden am Verkäufer-Arbeitsplatz',
  'signin.token': 'API-Token', 'signin.hint': 'Fügen Sie Ihr Token ein (z. B. das Verkäufer-Token, das ./ticketdesk ausgibt). Es wird gegen eine Sitzung getauscht; die Seite behält es nicht.',
  'signin.submit': 'Anmelden', 'signout': 'Abmelden', 'signedInAs': 'Angemeldet als {who}',
  'role.seller': 'Verkäufer {id}', 'role.customer_service': 'Kundenservice', 'role.marketplace': 'Marktplatz', 'role.buyer': 'Käufer {id}',
  'signin.buyer': 'Dieser Arbeitsplatz ist für Verkäufer und den Kundenservice; Käufer schreiben über den Shop.',
  'search.label': 'Ticket- oder Bestellnummer suchen', 'search.submit': 'Suchen', 'search.clear': 'Zurücksetzen',
  'tab.open': 'Offen', 'tab.waiting': 'Wartend', 'tab.closed': 'Geschlossen', 'tab.queue': 'Kundenservice-Warteschlange',
  'filter.topic': 'Thema', 'filter.reason': 'Grund', 'filter.storefront': 'Shop', 'filter.period': 'Zeitraum', 'filter.all': 'Alle',
  'period.7': 'Letzte 7 Tage', 'period.30': 'Letzte 30 Tage', 'period.90': 'Letzte 90 Tage', 'period.365': 'Letzte 12 Monate',
  'col.ticket': 'Ticket', 'col.order': 'Bestellung', 'col.buyer': 'Käufer', 'col.storefront': 'Shop', 'col.reason': 'Grund · Thema', 'col.due': 'Restzeit', 'col.waiting': 'Wartet auf', 'col.actions': 'Aktionen',
  'row.showOrder': 'Bestelldetails anzeigen', 'row.process': 'Ticket bearbeiten',
  'buyer.id': 'Käufer {id}',
  'due.overdue': 'seit {t} Arbeitszeit überfällig', 'due.in': 'noch {t} Arbeitszeit', 'due.answered': 'beantwortet', 'due.closed': 'geschlossen', 'due.none': '—',
  'due.working': 'Arbeitszeit',
  'waiting.buyer': 'Käufer', 'waiting.customer_service': 'Kundenservice',
  'list.empty': 'Keine Tickets.', 'list.changed': 'Die Liste hat sich geändert: anzeigen', 'list.more': 'Mehr laden', 'list.count': '{n} angezeigt',
  'status.open': 'offen', 'status.waiting': 'wartend', 'status.closed': 'geschlossen',
  'ticket.back': 'Zurück zu den Tickets', 'ticket.deadline': 'Frist', 'ticket.status': 'Status', 'ticket.order': 'Bestellung', 'ticket.opened': 'Eröffnet',
  'ticket.waitingOn': 'wartet auf {who}',
  'policy.title': 'Widerrufsregel', 'policy.notApplies': 'gilt für dieses Ticket nicht',
  'policy.applies': 'gilt', 'policy.phase.none': 'nicht in Kraft', 'policy.phase.transitional': 'Übergangszeit (Verstöße nur als Warnung)', 'policy.phase.enforced': 'in Kraft',
  'policy.satisfied': 'Eine gültige Rücksendeoption wurde angeboten.', 'policy.owed': 'Die erste Antwort muss eine der gültigen Rücksendeoptionen anbieten.',
  'policy.valid': 'Gültige Optionen', 'policy.sellerAddressNo': 'Verkäuferadresse: nein (nur für Artikel bis 40 EUR, umgerechnet zum Referenzkurs des Tages)',
  'policy.breach': 'Verstoß am {at} festgestellt: Die Bestellung wurde auf Ihre Kosten storniert und erstattet. Bis {until} dürfen Sie den Käufer kontaktieren, um die Ware zurückzubekommen.',
  'policy.consequence': 'In Kraft führt eine erste Antwort ohne gültige Option zur Stornierung und vollen Erstattung auf Ihre Kosten.',
  'chat.title': 'Verlauf', 'chat.buyer': 'Käufer', 'chat.seller': 'Verkäufer', 'chat.customer_service': 'Kundenservice', 'chat.system': 'System', 'chat.note': 'Interne Notiz',
  'chat.empty': 'Keine Nachrichten.', 'chat.options': 'Angebotene Rücksendeoptionen: {list}',
  'composer.label': 'Ihre Antwort', 'composer.internal': 'Interne Notiz (der Käufer sieht sie nicht)', 'composer.send': 'Senden',
  'composer.modules': 'Textbausteine', 'composer.noModules': 'Keine Textbausteine für diesen Shop.',
  'composer.option': 'Rücksendeoption (für diese erste Antwort erforderlich)', 'composer.optionMissing': 'Wählen Sie eine Rücksendeoption: Diese erste Antwort auf eine Rücksendeanfrage muss eine der gültigen Optionen anbieten (die API lehnt sie sonst ab).',
  'composer.carrier': 'Versanddienstleister', 'composer.url': 'Etikett-URL (https)', 'composer.sent': 'Nachricht gesendet.',
  'option.prepaid_label': 'Versandetikett erstellen', 'option.label_url': 'Etikett-URL', 'option.seller_address': 'Verkäuferadresse', 'option.refund_without_return': 'Erstattung ohne Rücksendung', 'option.label_in_package': 'Etikett liegt im Paket',
  'ticket.changed': 'Dieses Ticket hat sich geändert: neuesten Stand zeigen', 'ticket.updated': 'Das Ticket wurde aktualisiert.',
  'actions.menu': 'Aktion wählen', 'actions.order': 'Bestelldetails', 'actions.refund': 'Teilerstattung', 'actions.cancel': 'Bestelleinheit stornieren', 'actions.escalate': 'Kundenservice benachrichtigen', 'actions.close': 'Ticket schließen', 'actions.handback': 'An den Verkäufer zurückgeben', 'actions.mark': 'Als Rücksendeanfrage markieren',
  'mark.explain': 'Ticket {n} wird eine Rücksendeanfrage: Ihre nächste Nachricht an den Käufer muss eine gültige Rücksendeoption anbieten, fällig in 48 Arbeitsstunden ab jetzt.', 'mark.intent': 'Was der Käufer möchte', 'mark.done': 'Als Rücksendeanfrage markiert.', 'mark.stale': 'Das Ticket wurde inzwischen geändert (siehe Chat): laden Sie es neu und entscheiden Sie erneut.', 'mark.reload': 'Ticket neu laden',
  'order.unit': 'Einheit', 'order.title': 'Artikel', 'order.price': 'Preis', 'order.state': 'Status', 'order.refunded': 'Erstattet', 'order.remaining': 'Verbleibend', 'order.buyer': 'Käufer', 'order.ordered': 'Bestellt',
  'form.unit': 'Bestelleinheit', 'form.amount': 'Betrag ({currency})', 'form.reason': 'Grund', 'form.note': 'Notiz', 'form.submit': 'Ausführen', 'form.cancel': 'Abbrechen',
  'refund.done': '{amount} erstattet.', 'cancel.done': 'Einheit storniert.', 'escalate.done': 'Der Kundenservice wurde benachrichtigt.', 'handback.done': 'An den Verkäufer zurückgegeben.',
  'close.confirm': 'Ticket {n} schließen? Der Käufer kann weiterhin antworten; ein geschlossenes Ticket verlässt die offene Liste.', 'close.yes': 'Ticket schließen', 'close.reason': 'Grund (nötig, um ein nie beantwortetes Ticket zu schließen)', 'close.done': 'Ticket geschlossen.',
  'tm.title': 'Textbausteine', 'tm.storefront': 'Shop', 'tm.locale': 'Sprache', 'tm.name': 'Name', 'tm.body': 'Text', 'tm.source': 'Herkunft', 'tm.new': 'Neuer Textbaustein', 'tm.edit': 'Bearbeiten', 'tm.delete': 'Löschen', 'tm.save': 'Speichern', 'tm.saved': 'Gespeichert.', 'tm.deleted': 'Gelöscht.',
  'tm.readOnly': 'Vorgabe (schreibgeschützt)', 'tm.own': 'eigener', 'tm.placeholders': 'Platzhalter', 'tm.preview': 'Vorschau', 'tm.previewTicket': 'Ticketnummer für die Vorschau', 'tm.previewHint': 'Ohne Ticketnummer zeigt die Vorschau, wofür die Platzhalter stehen.', 'tm.confirmDelete': 'Textbaustein „{name}“ löschen?', 'tm.empty': 'Noch keine Textbausteine.',
  'kpi.title': 'Servicequalität', 'kpi.rate': 'Pünktliche erste Antworten je Woche (letzte 12 Wochen)', 'kpi.week': 'Woche', 'kpi.onTime': 'Pünktlich', 'kpi.responses': 'Erste Antworten', 'kpi.median': 'Median (Arbeitsstunden)', 'kpi.p90': 'p90 (Arbeitsstunden)', 'kpi.overdue': 'Offene überfällige Tickets', 'kpi.noData': 'keine ersten Antworten',
  'error.generic': 'Etwas ist schiefgegangen: {detail}', 'loading': 'Wird geladen…', 'lang': 'Sprache',
  'keys.help': 'Tasten: / Suche · j/k bewegen · Enter öffnen · r antworten · a Aktionen · Esc zurück',
};

// Values of the API's enumerations.
const enums = {
  en: {
    reason: {product_not_as_described: 'Product not as described', product_defect: 'Product defect', product_not_delivered: 'Product not delivered', product_return: 'Product return', contact_other: 'Other request'},
    escalation: {cannot_help_further: 'I cannot help the customer any further', not_directed_at_seller: 'The request is not directed at me as the seller', invoice_fictitious_supplier: 'Invoice from a fictitious supplier', payment_or_payout: 'Payment or payout (Klarna, PayPal, credit, gift cards)', card_or_coupon: 'Kaufland Card or coupons', customer_account: 'Customer account (login, password, deletion)'},
    refund: {delivery_damage: 'Damaged in delivery', delivery_delay: 'Delivery delay', incomplete_delivery: 'Incomplete delivery', incorrect_delivery: 'Incorrect delivery', refund_postage_fee: 'Refund postage fee', defect: 'Defect', other_refund: 'Other', refund_return_postage_fee: 'Refund return postage'},
    cancellation: {buyer_cancelled: 'Buyer cancelled', shipping_address_undeliverable: 'Shipping address undeliverable', wrong_catalog_data: 'Wrong catalogue data', general_adjustment: 'General adjustment', merchandise_not_received: 'Merchandise not received', no_inventory: 'No inventory', delayed_inventory: 'Delayed inventory', wrong_price: 'Wrong price', no_reaction_buyer: 'No reaction from the buyer', undeliverable_region: 'Undeliverable region'},
    unitState: {},
    intent: {'': 'Not stated (counts as a refund)', refund: 'Refund', repair: 'Repair', replacement: 'Replacement', missing_parts: 'Missing parts'},
  },
  de: {
    reason: {product_not_as_described: 'Artikel entspricht nicht der Beschreibung', product_defect: 'Artikel defekt', product_not_delivered: 'Artikel nicht geliefert', product_return: 'Rücksendung', contact_other: 'Sonstiges Anliegen'},
    escalation: {cannot_help_further: 'Ich kann dem Kunden nicht weiterhelfen', not_directed_at_seller: 'Die Anfrage richtet sich nicht an mich als Verkäufer', invoice_fictitious_supplier: 'Rechnung eines fiktiven Lieferanten', payment_or_payout: 'Zahlung oder Auszahlung (Klarna, PayPal, Guthaben, Gutscheine)', card_or_coupon: 'Kaufland Card oder Coupons', customer_account: 'Kundenkonto (Login, Passwort, Löschung)'},
    refund: {delivery_damage: 'Transportschaden', delivery_delay: 'Lieferverzug', incomplete_delivery: 'Unvollständige Lieferung', incorrect_delivery: 'Falschlieferung', refund_postage_fee: 'Versandkosten erstatten', defect: 'Defekt', other_refund: 'Sonstiges', refund_return_postage_fee: 'Rücksendekosten erstatten'},
    cancellation: {buyer_cancelled: 'Vom Käufer storniert', shipping_address_undeliverable: 'Lieferadresse nicht zustellbar', wrong_catalog_data: 'Falsche Katalogdaten', general_adjustment: 'Allgemeine Korrektur', merchandise_not_received: 'Ware nicht erhalten', no_inventory: 'Kein Bestand', delayed_inventory: 'Bestand verzögert', wrong_price: 'Falscher Preis', no_reaction_buyer: 'Keine Reaktion des Käufers', undeliverable_region: 'Nicht belieferbare Region'},
    unitState: {},
    intent: {'': 'Nicht angegeben (zählt als Erstattung)', refund: 'Erstattung', repair: 'Reparatur', replacement: 'Ersatz', missing_parts: 'Fehlende Teile'},
  },
};

const topicsDe = {
  order_cancel: 'Bestellung stornieren', order_product_defect: 'Artikel defekt', order_other_question: 'Andere Frage zur Bestellung', delivery_not_received: 'Lieferung nicht erhalten', delivery_delayed: 'Lieferung verspätet', delivery_wrong_products: 'Falsche Artikel geliefert', delivery_parts_missing: 'Teile fehlen', delivery_change_address: 'Lieferadresse ändern', delivery_to_store: 'Lieferung in eine Filiale', delivery_other_question: 'Andere Frage zur Lieferung', return_check_status: 'Status der Rücksendung', return_request_label: 'Rücksendeetikett anfordern', issue_paypal: 'PayPal', issue_klarna: 'Klarna', issue_creditcard: 'Kreditkarte', issue_sofort: 'Sofort', issue_consorsfinanz: 'Consors Finanz', issue_cashinadvance: 'Vorkasse', issue_payback: 'Payback', issue_barzahlen: 'Barzahlen', issue_coupon: 'Gutschein', issue_googlepay: 'Google Pay', issue_applepay: 'Apple Pay', issue_click_to_pay: 'Click to Pay', issue_blik: 'BLIK', invoice_needed: 'Rechnung benötigt', invoice_problem: 'Problem mit der Rechnung', admonition: 'Mahnung', fraud: 'Betrug', other_question: 'Andere Frage', old_device_take_back: 'Altgeräte-Rücknahme', kaufland_card: 'Kaufland Card', cs_negative_rating: 'Negative Bewertung', account_newsletter: 'Newsletter', account_login: 'Login', account_cancel: 'Konto kündigen', account_other: 'Konto: Sonstiges', account_age_verification: 'Altersprüfung', account_cash_out_balance: 'Guthaben auszahlen', product_properties: 'Artikeleigenschaften', product_availability: 'Verfügbarkeit', product_other_question: 'Andere Frage zum Artikel',
};

export const TOPICS = Object.keys(topicsDe);
export const REASONS = Object.keys(enums.en.reason);
export const ESCALATION_REASONS = Object.keys(enums.en.escalation);
export const REFUND_REASONS = Object.keys(enums.en.refund);
export const CANCELLATION_REASONS = Object.keys(enums.en.cancellation);
export const RETURN_INTENTS = Object.keys(enums.en.intent);
export const STOREFRONTS = ['de', 'at', 'cz', 'sk', 'pl', 'fr', 'it'];
export const RETURN_OPTIONS = ['prepaid_label', 'label_url', 'seller_address', 'refund_without_return', 'label_in_package'];

function browserLanguage() {
  const saved = localStorage.getItem('ticketdesk.lang');
  if (saved === 'de' || saved === 'en') return saved;
  for (const l of navigator.languages || [navigator.language || 'en']) {
    const base = String(l).toLowerCase().slice(0, 2);
    if (base === 'de' || base === 'en') return base;
  }
  return 'en';
}

let lang = browserLanguage();

export function language() {
  return lang;
}

export function setLanguage(l) {
  lang = l === 'de' ? 'de' : 'en';
  localStorage.setItem('ticketdesk.lang', lang);
  document.documentElement.lang = lang;
}

/** The text for a key, with {name} replaced from params. */
export function t(key, params) {
  const dict = lang === 'de' ? de : en;
  let text = dict[key] ?? en[key] ?? key;
  for (const [k, v] of Object.entries(params || {})) text = text.replaceAll('{' + k + '}', String(v));
  return text;
}

function humanize(value) {
  const s = String(value).replaceAll('_', ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A readable label for an enumeration value of the API. */
export function label(kind, value) {
  if (value === null || value === undefined) return '';
  if (kind === 'topic') return lang === 'de' ? topicsDe[value] || humanize(value) : humanize(value);
  const table = enums[lang][kind] || {};
  return table[value] || enums.en[kind]?.[value] || humanize(value);
}

export const locale = () => (lang === 'de' ? 'de-DE' : 'en-GB');

export function dateTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(locale(), {day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit'});
}

/** Money in minor units as text in its currency. */
export function money(m) {
  if (!m) return '';
  return new Intl.NumberFormat(locale(), {style: 'currency', currency: m.currency}).format(m.amount / 100);
}

/** A duration in hours and minutes, e.g. "2 h 10". */
export function hoursMinutes(ms) {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60000));
  const hrs = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hrs >= 48) return `${Math.floor(hrs / 24)} d ${hrs % 24} h`;
  return hrs > 0 ? `${hrs} h ${String(rest).padStart(2, '0')}` : `${rest} min`;
}

document.documentElement.lang = lang;
