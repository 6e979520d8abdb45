import type { ToneLabel } from '@parley/contracts';
import { analyzeMessage, lexiconSignals, TONE_THRESHOLDS } from './analyzer';
import { detectHumanRequest, mayAskForAPerson } from './human-request';

const tone = (text: string) => analyzeMessage(text).tone;
const intent = (text: string) => analyzeMessage(text).intent;
const negative = (label: ToneLabel): boolean => label === 'angry' || label === 'frustrated';

describe('analyzeMessage: tone', () => {
  it.each([
    ['thanks, that helped', 'positive'],
    ['Great, thank you so much!', 'positive'],
    ['it works now :)', 'positive'],
    ['👍', 'positive'],
    ['I love it', 'positive'],
    ['Where is my order?', 'neutral'],
    ['How do I reset my password?', 'neutral'],
    ['This is very disappointing', 'frustrated'],
    ['The agent was nice but the app is broken', 'frustrated'],
    ['😢', 'frustrated'],
    ['This is unacceptable!!! I am furious', 'angry'],
    ['WHY IS THIS STILL NOT WORKING', 'angry'],
    ['this is a fucking joke', 'angry'],
    ['I am sick of this, total scam', 'angry'],
    ['😡😡', 'angry'],
  ])('%s → %s', (text, label) => {
    expect(tone(text).label).toBe(label);
  });

  describe('negation', () => {
    it('turns a negated positive word negative', () => {
      expect(tone('happy').label).toBe('positive');
      expect(tone('not happy').label).toBe('frustrated');
      expect(tone('I am not happy with this').label).toBe('frustrated');
      expect(tone("I don't like it, not good at all").label).toBe('frustrated');
    });

    it('does not make a negated negative word negative', () => {
      expect(negative(tone('not bad').label)).toBe(false);
      expect(tone("I'm not angry, just confused").label).toBe('neutral');
    });
  });

  describe('emphasis', () => {
    it('reads profanity as anger, unless it intensifies praise', () => {
      expect(tone('this is shit').label).toBe('angry');
      expect(tone('fucking awesome, thanks!').label).toBe('positive');
    });

    it('makes a bad message angry with "!!!" or shouting', () => {
      expect(tone('this is bad').label).toBe('frustrated');
      expect(tone('this is bad!!!').label).toBe('angry');
      expect(tone('WHERE IS MY ORDER!!!').label).toBe('angry');
    });

    it('needs an anger marker to call a message angry', () => {
      expect(tone('This is very disappointing').label).toBe('frustrated');
      expect(tone('This is very disappointing, I hate it').label).toBe('angry');
    });
  });

  describe('sarcasm', () => {
    it.each([
      'yeah right, like that will ever happen',
      'great, just great. another outage.',
      'love waiting on hold for an hour /s',
      'oh great, the app crashed again',
    ])('%s is not positive', (text) => {
      expect(negative(tone(text).label)).toBe(true);
    });

    it('reads "thanks for nothing" as angry, not as thanks', () => {
      expect(tone('thanks for nothing').label).toBe('angry');
    });

    it('leaves sincere praise alone', () => {
      expect(tone('what a great product, thank you').label).toBe('positive');
      expect(tone('right, that worked, thanks').label).toBe('positive');
    });
  });

  it('gives a score in -1..1 inside the band of its label', () => {
    const texts = [
      'FUCK THIS SHIT!!!! WORST SCAM EVER 😡😡😡 I HATE YOU, DISGUSTING LIARS',
      'AMAZING!!!! THANK YOU SO MUCH 😍😍😍 PERFECT WONDERFUL EXCELLENT',
      'Where is my order?',
      'not happy',
      '',
      '?!… 👍',
    ];
    for (const text of texts) {
      const { label, score } = tone(text);
      expect(score).toBeGreaterThanOrEqual(-1);
      expect(score).toBeLessThanOrEqual(1);
      if (label === 'angry') expect(score).toBeLessThanOrEqual(TONE_THRESHOLDS.angry);
      if (label === 'frustrated') expect(score).toBeLessThanOrEqual(TONE_THRESHOLDS.frustrated);
      if (label === 'neutral') {
        expect(score).toBeGreaterThan(TONE_THRESHOLDS.frustrated);
        expect(score).toBeLessThan(TONE_THRESHOLDS.positive);
      }
      if (label === 'positive') expect(score).toBeGreaterThanOrEqual(TONE_THRESHOLDS.positive);
    }
    expect(tone(texts[0]).score).toBeLessThan(-0.6);
    expect(tone(texts[1]).score).toBeGreaterThan(0.6);
  });

  it('is deterministic', () => {
    const text = 'This is not working AGAIN!! I want my money back';
    expect(analyzeMessage(text)).toEqual(analyzeMessage(text));
  });
});

describe('lexiconSignals: the lexicon features of the tone model', () => {
  const score = (text: string) => lexiconSignals(text).score;

  it('amplifies with intensifiers, capitals and exclamation marks', () => {
    expect(score('this is very bad')).toBeLessThan(score('this is bad'));
    expect(score('this is BAD')).toBeLessThan(score('this is bad'));
    expect(score('this is bad!!!')).toBeLessThan(score('this is bad'));
    expect(score('this is great!!!')).toBeGreaterThan(score('this is great'));
    expect(score('this is slightly bad')).toBeGreaterThan(score('this is bad'));
  });

  it('flips and weakens negated words', () => {
    expect(score('not happy')).toBeLessThan(0);
    expect(score('not bad')).toBeGreaterThan(0);
    expect(score('not bad')).toBeLessThan(score('good'));
    expect(lexiconSignals('not happy').negation).toBe(true);
  });

  it('scores words from the VADER lexicon that Parley lists do not have', () => {
    expect(score('this is dreadfully inept')).toBeLessThan(0);
    expect(score('a delightful experience')).toBeGreaterThan(0);
  });

  it('reads emoji, shouting, profanity and sarcasm markers', () => {
    expect(score('😊')).toBeGreaterThan(0);
    expect(lexiconSignals('😡').anger).toBe(true);
    expect(lexiconSignals('WHERE IS MY ORDER').shouting).toBe(true);
    expect(lexiconSignals('this is shit').profanity).toBe(true);
    expect(lexiconSignals('amazing service /s').sarcasm).toBe(true);
    expect(lexiconSignals('amazing service').sarcasm).toBe(false);
  });

  it('counts insults, disgust and hostile phrases as anger, unless negated', () => {
    expect(lexiconSignals('your app is garbage').anger).toBe(true);
    expect(lexiconSignals('that is disgusting, you clowns').angerWords).toBe(2);
    expect(lexiconSignals('how dare you').anger).toBe(true);
    expect(lexiconSignals('I do not hate you').angerWords).toBe(0);
  });

  it('marks a clearly negative word aimed at "you"', () => {
    expect(lexiconSignals('you are useless').directed).toBe(true);
    expect(lexiconSignals('your support is terrible').directed).toBe(true);
    expect(lexiconSignals('thank you, the update was terrible though').directed).toBe(false);
    expect(lexiconSignals('you guys are amazing').directed).toBe(false);
  });
});

describe('analyzeMessage: intent', () => {
  it.each([
    ['can I talk to a person', 'human_request'],
    ['I need to contact a live agent', 'human_request'],
    ['quiero hablar con una persona', 'human_request'],
    ['je veux parler à un conseiller', 'human_request'],
    ['I will sue you', 'legal_threat'],
    ['my lawyer will hear about this', 'legal_threat'],
    ["I'm taking legal action", 'legal_threat'],
    ['see you in small claims court', 'legal_threat'],
    ["I'm filing a chargeback with my bank", 'legal_threat'],
    ['I will report you to the BBB', 'legal_threat'],
    ['I want a refund', 'refund'],
    ['I want my money back', 'refund'],
    ['cancel my subscription', 'cancel'],
    ['please close my account', 'cancel'],
    ['how do I cancel?', 'cancel'],
    ['I want to file a complaint', 'complaint'],
    ['this is unacceptable', 'complaint'],
    ['worst service ever', 'complaint'],
    ['how do I reset my password?', 'other'],
    ['Sue from accounting placed the order', 'other'],
    ["I don't want to cancel, just pause it", 'other'],
  ])('%s → %s', (text, expected) => {
    expect(intent(text)).toBe(expected);
  });

  it.each([
    ['I am requesting a full refund for both tickets.', 'refund'],
    ['Chiedo il rimborso del biglietto, il treno è stato cancellato.', 'refund'],
    ['Please reverse the duplicate charge on my card.', 'refund'],
    ['Solicito o reembolso integral da encomenda.', 'refund'],
    ['In what situations can I request a refund?', 'other'],
    ['I want a refund of the booking fee.', 'refund'],
    ['Please refund my order, including the delivery fee.', 'refund'],
    ["If the deposit isn't returned I'll take this to NCAT.", 'legal_threat'],
    ['Sans réponse sous huit jours, je saisirai le médiateur.', 'legal_threat'],
    ["I'm disputing it with my bank tomorrow.", 'legal_threat'],
  ])('reads a formal or foreign refund request and a threat to go to a mediator or the bank: %s → %s', (text, expected) => {
    expect(intent(text)).toBe(expected);
  });

  it('tells a refund or cancellation request from a question about the policy', () => {
    expect(intent('what is your refund policy?')).toBe('other');
    expect(intent('how long does a refund take?')).toBe('other');
    expect(intent('I want a refund')).toBe('refund');
  });

  it.each([
    'the agent was helpful',
    'how do I become an agent',
    "don't transfer me",
    'I talked to an agent yesterday',
    'how can I get in touch with customer service?',
    'this is bad',
  ])('does not read a request for a human into "%s"', (text) => {
    expect(intent(text)).not.toBe('human_request');
  });

  it.each([
    'Could somebody from your billing side look over my last three invoices with me on a call?',
    "I'd really prefer to sort this out with an actual member of your team rather than here.",
    'is anyone from the warranty department able to give me a bell this afternoon',
    'Ich hätte gern einen Termin mit einem Berater in der Filiale.',
  ])('hears, through the request model, a request the rules do not parse: "%s"', (text) => {
    expect(detectHumanRequest(text)).toBe(false);
    expect(intent(text)).toBe('human_request');
  });

  it.each([
    'are you a bot or a person?',
    'Por favor não me liguem, prefiro email.',
    "please don't ring me, email is better",
    'I spoke to a lovely agent yesterday, she sorted it.',
    "What's your phone number? I want to save it in my contacts.",
    'My manager asked me to get the invoice for last month.',
  ])('reads no request for a person into the near miss "%s"', (text) => {
    expect(intent(text)).not.toBe('human_request');
  });

  it('keeps the request model to messages that may ask for a person: not a question about the bot, not a refusal', () => {
    expect(mayAskForAPerson('are you a bot or a person?')).toBe(false);
    expect(mayAskForAPerson('am I chatting with a human right now?')).toBe(false);
    expect(mayAskForAPerson('¿Estoy hablando con un bot o con una persona?')).toBe(false);
    expect(mayAskForAPerson('Is there a human reviewing my application or is it all automated?')).toBe(false);
    expect(mayAskForAPerson('Por favor não me liguem, prefiro email.')).toBe(false);
    expect(mayAskForAPerson('they said someone would call me back')).toBe(false);
    expect(mayAskForAPerson('could a colleague of yours look at this?')).toBe(true);
    expect(mayAskForAPerson('Pourriez-vous me rappeler demain ?')).toBe(true);
  });

  it('does not read a refund into a message without a word for one', () => {
    expect(intent('this is bad')).not.toBe('refund');
    expect(intent('this is a fucking joke')).not.toBe('refund');
  });

  it('hears a grievance as a complaint, but not an angry request or a question', () => {
    expect(intent('WORST airline ever. lost my bag AGAIN. never flying with you again!!!')).toBe('complaint');
    expect(intent('thanks for nothing, 3 hours on hold')).toBe('complaint');
    expect(intent('Disgusting customer service. Nobody answers the phone.')).toBe('complaint');
    expect(intent('I need to change my damn shipping address')).toBe('other');
    expect(intent('when will my order arrive?')).toBe('other');
    expect(intent('is there a fee for express shipping?')).toBe('other');
    expect(intent('thanks, that fixed it')).toBe('other');
  });

  it('takes a direct demand for a refund or a cancellation at its word, and a question about one as a question', () => {
    expect(intent("I'd like a refund for the damaged blender please")).toBe('refund');
    expect(intent('stop charging my card, cancel the membership immediately')).toBe('cancel');
    expect(intent('what is your refund policy?')).toBe('other');
  });

  it('applies the priority human_request > legal_threat > refund / cancel > complaint', () => {
    expect(
      intent('Unacceptable. Cancel my order, refund me, or my lawyer calls. Let me talk to a human.'),
    ).toBe('human_request');
    expect(intent('Unacceptable. Cancel my order and refund me or my lawyer calls.')).toBe('legal_threat');
    expect(intent('Unacceptable. Cancel my order.')).toBe('cancel');
    expect(intent('Unacceptable.')).toBe('complaint');
  });

  it('does not read a plain request for a refund or a person as praise', () => {
    expect(tone('I want a refund').label).not.toBe('positive');
    expect(tone("Hi, I'd like a refund for order 1234 please").label).toBe('neutral');
    expect(tone('I want to cancel my subscription').label).toBe('neutral');
    expect(tone('I want a refund, thanks so much, you are wonderful').label).toBe('positive');
  });

  it('makes a complaint at least frustrated and a legal threat angry', () => {
    expect(negative(tone('I want to file a complaint').label)).toBe(true);
    expect(tone('I will sue you').label).toBe('angry');
    expect(tone("I've contacted the Financial Ombudsman and sent them our correspondence.").label).toBe('angry');
  });

  it.each([
    '@sprintcare no signal inside my apartment since Tuesday',
    '@McDonalds ordered 20 nuggets, got 14',
    'my order arrived missing the charger',
    '@netflix audio is out of sync on every show since the last update',
    'El paquete llegó abierto y falta un producto',
  ])('hears a breach stated as a plain fact as a complaint: %s', (text) => {
    expect(analyzeMessage(text).intent).toBe('complaint');
    expect(['frustrated', 'angry']).toContain(analyzeMessage(text).tone.label);
  });

  it('hears complaints the rules have no pattern for through the complaint model', () => {
    expect(intent('@comcastcares bill shows a $9.99 equipment fee for a modem I own')).toBe('complaint');
    expect(intent('@Delta 5 hours at JFK and counting. the kids are exhausted')).toBe('complaint');
    expect(intent('Do you ship to Canada?')).toBe('other');
    expect(intent('thanks, that fixed it!')).toBe('other');
  });

  it('does not take short praise for a complaint, whatever sarcastic complaints taught the model about "great"', () => {
    for (const text of ['Great.', 'Nice one', 'Great charger.', 'Worked great!', 'Great Phone.']) {
      expect(analyzeMessage(text)).toEqual({ tone: expect.objectContaining({ label: 'positive' }), intent: 'other' });
    }
    expect(intent('Great, another delay. Thanks for nothing @SkyRail')).toBe('complaint');
  });

  it('reads a breach stated as a plain fact as negative, however calm', () => {
    for (const text of ['Mic doesn\'t work.', 'The app stopped working after the update.', 'My parcel never arrived.']) {
      expect(negative(tone(text).label)).toBe(true);
    }
  });

  it('hears threats to go to a regulator or a court, but a claim filed with the company is a complaint', () => {
    expect(intent("if the outage isn't fixed by Monday I'm going to Ofcom")).toBe('legal_threat');
    expect(intent('I will file a case in the consumer court if the money is not returned')).toBe('legal_threat');
    expect(intent("I'll be contacting the Residential Tenancies Board about the damp")).toBe('legal_threat');
    expect(intent('vou abrir reclamação no Procon')).toBe('legal_threat');
    expect(intent('help me lodge a claim against your company')).toBe('complaint');
  });

  it('keeps a refund or cancellation that is demanded or announced, whatever the model says', () => {
    expect(intent("I'm terminating my contract, two outages this week is enough")).toBe('cancel');
    expect(intent('Kindly refund the amount debited for the failed payment')).toBe('refund');
    expect(intent("Annulez ma commande, elle n'est toujours pas partie")).toBe('cancel');
    expect(intent('@Spotify cancel my premium, the shuffle is broken again')).toBe('cancel');
    expect(intent('disconnect my broadband line immediately')).toBe('cancel');
    expect(intent('what is your refund policy?')).toBe('other');
  });

  it('reads "no need to call me" as calm, not as irony', () => {
    expect(tone('No need for anyone to ring me, the email explained it all. Cheers!').label).toBe('positive');
  });

  it('hears a bare "cancelling." as a cancellation, and outages and long waits as complaints', () => {
    expect(intent('@streamco cancelling. $22.99 a month for reruns')).toBe('cancel');
    expect(intent("@Videotron j'annule mon forfait")).toBe('cancel');
    expect(intent('@bancoejemplo llevo dos semanas esperando la tarjeta nueva y nada')).toBe('complaint');
    expect(intent('Je vais porter plainte si rien ne change')).toBe('legal_threat');
  });

  it('hears an expectation let down as a complaint: a broken promise, effort repeated, nobody calling back', () => {
    for (const text of [
      'I was promised a callback on Monday. It is Thursday.',
      'Third time writing about this.',
      'Every time I call I get a different answer.',
      'Nobody called me back',
      'Nadie me ha devuelto la llamada en tres días.',
      'Ich warte seit drei Wochen auf meine Unterlagen.',
      'Is anyone actually reading these messages?',
    ]) {
      expect(intent(text)).toBe('complaint');
    }
    expect(intent('I was told to contact you about my new address')).toBe('other');
  });

  it('hears breaches stated as facts in other languages: nobody came, nobody answers, damaged, charged twice', () => {
    for (const text of [
      'El técnico no vino y nadie me avisó.',
      'Ma commande est arrivée abîmée et personne ne répond.',
      'Der Techniker ist nicht gekommen, und niemand hat angerufen.',
      'Il pacco è arrivato danneggiato e nessuno mi risponde.',
      'Fui cobrado duas vezes pelo mesmo pedido.',
      'Your new update deleted all my saved playlists.',
    ]) {
      expect(intent(text)).toBe('complaint');
    }
    for (const text of ['¿Dónde está mi pedido?', 'Où est ma commande ?', 'My parcel arrived, thank you!']) {
      expect(intent(text)).toBe('other');
    }
  });

  it('hears a grievance about "your" company and its staff in other languages, and disappointment', () => {
    expect(intent('Ich bin sehr verärgert über Ihren Techniker, der nicht gekommen ist.')).toBe('complaint');
    expect(intent('Encore une coupure de réseau ce soir, vraiment pénible')).toBe('complaint');
    expect(intent('Los zapatos llegaron con la suela rota, qué decepción')).toBe('complaint');
    expect(intent("I'm really disappointed, the room we got looks onto the car park")).toBe('complaint');
  });

  it('reads a plain question as calm, whatever words complaints share with it', () => {
    for (const text of ['Where is my parcel?', 'Does express delivery cost extra?', 'How long does shipping take?']) {
      expect(tone(text).label).toBe('neutral');
    }
  });

  it('does not hear a complaint in a question or in news about nobody’s order', () => {
    expect(intent('is anything missing from the starter kit?')).toBe('other');
    expect(intent('missing my grandma today')).toBe('other');
    expect(intent('My card expired, how do I update it?')).toBe('other');
    expect(intent('How do I update the card on my account? Mine expired.')).toBe('other');
  });

  it('hears a calm complaint stated as a fact, in English and other languages', () => {
    expect(intent('The replacement kettle you sent has the same fault as the first one.')).toBe('complaint');
    expect(intent('Third month in a row the bill has gone up without any notice.')).toBe('complaint');
    expect(intent('Leider muss ich Ihnen mitteilen, dass die Lieferung erneut unvollständig war.')).toBe('complaint');
  });

  it('hears a bare order after a grievance as anger, and a polite request as calm', () => {
    expect(analyzeMessage('You billed me after I cancelled. Refund it.').tone.label).toBe('angry');
    expect(analyzeMessage('The parcel never arrived. Refund it.').tone.label).toBe('angry');
    expect(analyzeMessage('The parcel never arrived, could you please refund it?').tone.label).not.toBe('angry');
  });

  it('reads a demand after an @handle or in a later sentence, and a regional lawyer or bank dispute', () => {
    expect(intent('@comcastcares cancel my service. 3 outages this week')).toBe('cancel');
    expect(intent('@SpotifyCares charged me for Family after I downgraded. refund the difference')).toBe('refund');
    expect(intent('Je souhaite résilier mon abonnement immédiatement')).toBe('cancel');
    expect(intent('Se non ricevo il rimborso entro lunedì mi rivolgo a un avvocato')).toBe('legal_threat');
    expect(intent('return my money by Monday or I am disputing the charge with my bank')).toBe('legal_threat');
  });

  it('needs a target for a grievance: the company, what it sells, or an @handle', () => {
    expect(intent("i'm really disappointed, this is the second faulty charger you've sent me")).toBe('complaint');
    expect(intent('bank app down AGAIN on payday, absolutely useless @NatWest_Help')).toBe('complaint');
    expect(intent("I'm so sad, my dog passed away today")).toBe('other');
    expect(intent('feeling awful, exams start tomorrow and I have done nothing')).toBe('other');
  });

  it('hears a rhetorical question as part of a complaint, and a real one as a question', () => {
    expect(intent('seriously what is wrong with you people? 3 wrong items in a row')).toBe('complaint');
    expect(intent('are you even listening?? I have explained this 4 times to your staff')).toBe('complaint');
    expect(intent('my order is late, can you check where it is?')).toBe('other');
    expect(intent("I don't know how I can update my bloody shipping address")).toBe('other');
  });

  it('reads a demand that follows a question, and a demand in another language', () => {
    expect(intent('Why was I charged a cancellation fee when your site says there is none? Refund it immediately.')).toBe('refund');
    expect(intent('Kündigen Sie bitte mein Abo zum Monatsende.')).toBe('cancel');
    expect(intent('Ich möchte mein Konto löschen lassen.')).toBe('cancel');
    expect(intent("this is the last straw. I'm cancelling and taking my business elsewhere")).toBe('cancel');
    expect(intent('I was charged twice for order #558213, can I get one of them refunded please?')).toBe('refund');
    expect(intent('could you refund the delivery fee? the driver left it at the wrong house')).toBe('refund');
    expect(intent('Je voudrais être remboursé pour la commande 77410.')).toBe('refund');
    expect(intent('cancel the game pass renewal pls, the kids never use it')).toBe('cancel');
    expect(intent('in which cases can I ask for a refund?')).toBe('other');
    expect(intent('is there a cancellation fee?')).not.toBe('refund');
    expect(intent('how do I unsubscribe from the newsletter?')).toBe('other');
  });

  it('recognises reports to a regulator as legal threats', () => {
    expect(intent("I'll be reporting this to the ICO.")).toBe('legal_threat');
    expect(intent('I am going to file a complaint with the CFPB')).toBe('legal_threat');
    expect(intent('what does ICO stand for in crypto?')).toBe('other');
  });
});

describe('analyzeMessage: tweets and chat writing', () => {
  it('reads elongated words as the word', () => {
    expect(tone('sooooo happy right now').label).toBe('positive');
    expect(lexiconSignals('I haaaate this').score).toBeLessThan(TONE_THRESHOLDS.angry);
    expect(lexiconSignals('goooood').score).toBe(lexiconSignals('good').score);
  });

  it.each([
    'i feel so irritated with everyone today',
    'im feeling really grumpy this morning',
    'i feel resentful towards my boss for what he said',
    'Some people really need to learn manners. #offended',
    '@user so annoying when the wifi drops every 5 minutes',
  ])('reads anger named in the broad sense of emotion taxonomies (irritation, resentment) as angry: %s', (text) => {
    expect(tone(text).label).toBe('angry');
  });

  it('reads a slight annoyance as negative, and sadness and worry as frustrated, not angry', () => {
    expect(['angry', 'frustrated']).toContain(tone('the sizes run small, a bit annoying').label);
    expect(tone('i feel sad and lonely tonight').label).toBe('frustrated');
    expect(tone('i feel so anxious about tomorrow').label).toBe('frustrated');
  });

  it('reads excitement ("!!") in a message with no negative word as positive, but not a question or a complaint', () => {
    expect(tone('Sherlock tonight on BBC One, finally!!').label).toBe('positive');
    expect(tone('is the new season out on Friday!!?').label).not.toBe('positive');
    expect(tone('my order still has not arrived!!').label).not.toBe('positive');
  });

  it('ignores links and @handles, and reads hashtags as words', () => {
    expect(lexiconSignals('@HappyBank http://t.co/happy').score).toBe(0);
    expect(lexiconSignals('train cancelled again #NotHappy').score).toBeLessThan(0);
    expect(lexiconSignals('what a day #angry').anger).toBe(true);
  });

  it.each([
    ['Been off the cigs 100 days today 💪💪', 'positive'],
    ['thank you 💛', 'positive'],
    ['my parcel is lost again 🙃', 'negative'],
    ['the show got cancelled 😢', 'negative'],
  ])('reads the feeling of emoji: %s → %s', (text, feeling) => {
    const label = tone(text).label;
    expect(feeling === 'negative' ? ['angry', 'frustrated'] : [feeling]).toContain(label);
  });

  it('scores emoji from the Emoji Sentiment Ranking, and the ambiguous ones faintly', () => {
    const plain = lexiconSignals('the update deleted my saves').score;
    expect(lexiconSignals('the update deleted my saves 😞').score).toBeLessThan(plain - 0.3);
    expect(lexiconSignals('the update deleted my saves 😒').score).toBeLessThan(plain - 0.3);
    expect(lexiconSignals('beach day 🌴').score).toBeGreaterThan(0);
    expect(Math.abs(lexiconSignals('got the job 😭').score)).toBeLessThan(0.3);
  });

  it.each([
    'I am absolutely fuming, third time this week my train is cancelled',
    'your premium support is an absolute joke',
    'this is the last straw, I am done with you',
    'seriously what is wrong with you people',
    'Council pushed the bin collection back again. absolute shambles',
  ])('hears anger in "%s"', (text) => {
    expect(tone(text).label).toBe('angry');
  });

  it.each([
    'the headphones stopped charging after two weeks',
    'the tablet I ordered came with a cracked screen',
    'getting error 500 on checkout, been like this since yesterday afternoon',
    'the router keeps rebooting itself every 20 minutes',
    'my order arrived damaged and nobody told me',
    'you renewed my plan without asking',
    'wrong item again, I ordered the blue one',
  ])('hears a complaint stated as a fact: "%s"', (text) => {
    expect(intent(text)).toBe('complaint');
    expect(negative(tone(text).label)).toBe(true);
  });

  it.each(['you charged me twice. I want my money back', 'refund it. now.', "I'm so done with this company"])(
    'hears a forceful demand as anger: "%s"',
    (text) => {
      expect(tone(text).label).toBe('angry');
    },
  );

  it('hears praise closing a complaint as irony', () => {
    expect(lexiconSignals('the bus drove straight past me. in the rain, soaked and late. lovely.').sarcasm).toBe(true);
    expect(lexiconSignals('locked my card while abroad, stuck with no cash. great planning').sarcasm).toBe(true);
    expect(lexiconSignals('3 hours on the tarmac and not one update. Cool. Very cool. #neveragain').sarcasm).toBe(true);
    expect(lexiconSignals('oh I just LOVE paying for internet that drops every time it rains').sarcasm).toBe(true);
    expect(lexiconSignals('the agent sorted it in five minutes. lovely.').sarcasm).toBe(false);
    expect(lexiconSignals('it was broken, now it works. great, thanks').sarcasm).toBe(false);
  });

  it('hears threats to go to a regulator in other countries and languages', () => {
    expect(intent("I'll be reporting you to the CMA")).toBe('legal_threat');
    expect(intent("if my bill is wrong once more I'm taking it to the TIO")).toBe('legal_threat');
    expect(intent('Voy a denunciarles ante la OCU si no me devuelven el dinero.')).toBe('legal_threat');
  });

  it('does not count support words that VADER reads as praise', () => {
    expect(lexiconSignals('customer support please help').score).toBe(0);
    expect(tone('can I pay by credit card?').label).toBe('neutral');
  });
});
