import { detectHumanRequest } from './human-request';

describe('detectHumanRequest', () => {
  describe('catches the common ways of asking for a person', () => {
    it.each([
      'can I talk to a person',
      'agent please',
      'I want a real human',
      'speak to someone',
      'let me talk to a human being',
      'connect me with customer service representative',
      'live agent',
      'operator',
      'human!',
      'is there a real person there?',
      'I need to speak with a manager',
      "I'd like to speak to a representative",
      'transfer me to an operator',
      'Can I get a person on the line?',
      'put me through to someone please',
      'give me a human',
      'i need human help',
      'can someone call me back?',
      'can someone please call me back about my claim',
      'is there anyone I can actually talk to??',
      'is anyone there?',
      'Is there a human I can talk to?',
      "where's a real person",
      'escalate this please',
      'I want to talk to a real person, not a bot',
      "I'd rather deal with a human",
      'chat with a live agent',
      'customer service please',
      'any humans here?',
      'can a human help me?',
      'is there someone I can call?',
    ])('%s', (text) => {
      expect(detectHumanRequest(text)).toBe(true);
    });
  });

  describe('asks for a real person or a call back', () => {
    it.each([
      'is there anyone real I can talk to?',
      'can I get a call back? I would rather explain this over the phone',
      'I want a callback please',
      'is there someone human there',
      'can someone actually call me back instead of the bot',
      "can you check if there's a person available to help me?",
      'Ist jemand da, mit dem ich direkt sprechen kann?',
      "Bonjour, est-ce que quelqu'un peut me rappeler ?",
      'Rappelez-moi svp',
      '¿me puede atender alguien de verdad?',
      'is someone from your team available to go over the enterprise plan with us?',
      'could a real person ring her? she is much better on the phone',
      "ça fait 40 minutes que j'attends, il y a quelqu'un de réel ou pas ??",
      'Buongiorno, posso parlare con un operatore?',
      'vorrei una persona reale per favore',
      'Can a human being look at my case please',
      '@AmazonHelp can someone from your team DM me? the bot keeps looping',
      "I don't want to talk to a bot",
      'no more bots, seriously',
      'stop with the automated replies',
      'stop sending me automated replies and have someone actually look at my account',
      'been on hold 2 hrs... is anyone actually there?',
      'I just need someone to go through it with me on the phone',
      "can a member of your team reach out? it's a billing thing",
      'Do you guys have live agents or is it only this bot?',
      'who can I talk to about this?',
      'how do i get a human on the line',
      'call me asap',
      'please ask someone to call me',
      'I want this escalated',
      'get a manager on the phone',
      'Necesito que alguien me llame',
      "Je voudrais qu'un conseiller me rappelle",
      'Bitte rufen Sie mich zurück',
      'Ich möchte einen Rückruf',
      'Podem me ligar?',
      'Potete richiamarmi?',
      'Is there a human anywhere in your company?',
      'I want the complaints manager, not another first line agent',
      'any way to get a live agent?',
      'can a human please look at my ban appeal?',
      'Is there someone who could phone me and walk me through the setup?',
      "I'd rather sort this over the phone with someone",
      'Requesting escalation to a supervisor regarding claim #A-77102.',
      'Could someone from your billing team please phone me?',
      'Kindly arrange for a customer care officer to call me regarding my account.',
      'Kindly arrange a call from a senior officer at the earliest.',
      'is it possible to schedule an appointment with one of your advisors?',
      'I demand that a supervisor phones me today.',
      'is there a real person monitoring this account or is it all automated?',
      'representative representative REPRESENTATIVE',
      'spk to sum1 pls urgnt',
      'Necesito que una persona de su equipo me llame.',
      'Exijo que un supervisor se ponga en contacto conmigo hoy mismo.',
      '¿Me pueden pasar con un agente?',
      'Je demande à parler à votre supérieur hiérarchique.',
      "Je souhaiterais être contacté par téléphone par un responsable du service client.",
      "Est-ce qu'un technicien peut me rappeler demain matin ?",
      'Gibt es hier auch einen Berater aus Fleisch und Blut?',
      'Könnte mich ein Energieberater persönlich beraten?',
      'Chiedo di essere contattato telefonicamente da un vostro responsabile.',
      'Vorrei fissare un appuntamento con un consulente in filiale.',
      'Solicito que um gerente entre em contato comigo por telefone.',
      'Gostaria de marcar uma reunião com um consultor.',
      'PLEASE can someone from rebooking call me, my battery is on 10%',
      'Any chance someone could phone me back about the broadband offer?',
      'we need a call with our account manager asap',
      'Can I book an in-person appointment at the store?',
      'Can I please be transferred to the disputes team?',
      'Can I have the direct line of Mr. Novak?',
      'Get your manager on this chat or I am going to the ombudsman.',
      'connect customer service representative',
      'Someone from @ParcelGo needs to ring me TODAY about my missing parcel.',
      'Necesito que esto lo vea un supervisor.',
      "Quelqu'un peut-il m'appeler, s'il vous plaît ?",
      'Kann mich bitte irgendwer von euch anrufen??',
      'Qualcuno del vostro staff mi può chiamare?',
      'Alguém me pode contactar por telefone, por favor?',
      '"agent please"',
      'Could someone talk me through it over the phone?',
      'is a human able to look at this?',
      'can I get transferred to billing please',
      'Would the property manager be available for a brief phone conversation this week?',
      'Kann sich bitte endlich mal ein echter Mitarbeiter melden?',
      'Könnten Sie mich an einen Techniker weiterleiten?',
      "Je souhaiterais m'entretenir avec un conseiller.",
      'Quiero que me llame un técnico de carne y hueso HOY.',
      'Basta bot. Fatemi parlare col capo.',
      'Não quero mais menu. Me passa pro supervisor.',
    ])('%s', (text) => {
      expect(detectHumanRequest(text)).toBe(true);
    });

    it.each([
      "I don't want a call back",
      'do you call back customers?',
      'can I get a call log export',
      'ist der Techniker da gewesen?',
      'is there a person who signed for it?',
      'is anyone else having this problem?',
      'ho parlato con un operatore ieri',
      "I'm not a bot, the captcha keeps failing",
      'the bot was great, no need for a human',
      'can a person check the order status online?',
      'I need someone to sign for the parcel',
      'I asked someone to call me back yesterday and nobody did',
      "I don't want this escalated",
      "I'd rather not deal with a person, just email me",
      'my financial advisor told me to ask about the fees',
      'the consultant who visited was very helpful',
      'Thanks for the offer to call me, but I am at work until late.',
      'Please pass this on to her manager.',
      'Wow this bot is actually helpful, better than waiting for a person tbh',
      'Ich hatte letzte Woche ein Telefonat mit einer Mitarbeiterin.',
      'Looking forward to seeing these people on stage',
      'The so-called "specialist" I spoke to last week had no idea. Just close the ticket.',
      'my dad just tried to "speak to the manager" of my xbox lmao',
    ])(
      'but not %s',
      (text) => {
        expect(detectHumanRequest(text)).toBe(false);
      },
    );
  });

  describe('in Spanish, French, German and Portuguese', () => {
    it.each([
      'quiero hablar con una persona',
      'hablar con un agente',
      'pásame con un asesor, por favor',
      '¿hay alguien ahí?',
      'necesito un agente humano',
      'je veux parler à un humain',
      "un conseiller s'il vous plaît",
      "j'ai besoin d'un conseiller",
      'passez-moi un conseiller',
      'ich möchte mit einem Menschen sprechen',
      'Mitarbeiter bitte',
      'Verbinden Sie mich bitte mit einem Mitarbeiter',
      'ich möchte einen Mitarbeiter sprechen',
      'quero falar com um atendente',
      'tem alguém aí?',
      'me transfere para um atendente',
      'Vous pouvez me transférer au service réclamations ?',
      'Prefiro tirar essa dúvida com alguém da equipe, tem como?',
      "I've explained this three times already. Can somebody who actually works there pick this up?",
      'Is there a human I can email or call directly?',
      'you keep repeating the same thing. i need to deal with an actual employee',
      'Can I speak with whoever handles disputes please',
      'Who is the best person to speak to about a business account?',
      'Give me a call on 07123 456789 when someone is free',
      'Please escalate my complaint to your management team',
      'Kann ich mit jemandem aus der Buchhaltung sprechen?',
      '@Lloydsbank could I speak to the fraud team please',
      '@GCash paki-connect naman sa live agent',
      '@Safaricom_Care naomba mtu wa customer care anipigie',
      'hello?? anybody home',
      'sir please connect me customer care',
      'can u put me thru to sum1',
      'gimme a human',
      'is a person going to answer me or not',
      'pásenme con un humano ya',
      'mensch bitte',
      "c'è qualcuno?",
      'you need to get someone on this NOW',
      'would love a quick chat with one of the team if possible',
      'please loop in a member of staff',
      "I'm after a human being",
      'Mag ik iemand aan de lijn?',
      'Kan ik met een mens praten?',
      'Put a person on please',
      "I'd like to be put through to your complaints department",
      'Any real people working today?',
      'Can a real person reply to me instead of this automated thing?',
      'Transfer me now',
      '¿Me pueden comunicar con un asesor?',
      'Können Sie mich mit einem Kollegen verbinden?',
      '¿Con quién puedo hablar sobre esto?',
      '¿Cómo contacto con un asesor?',
      'Ya no quiero hablar con el bot',
      "À qui puis-je m'adresser pour ce problème ?",
      'Y a-t-il un humain derrière ce chat ?',
      'An wen kann ich mich wenden?',
      'Wie erreiche ich einen Mitarbeiter?',
      'Können Sie mich zu einem Mitarbeiter durchstellen?',
      'A chi posso rivolgermi?',
      'Come posso contattare un operatore?',
      'Não quero mais falar com o robô',
      'Pode me transferir para o setor financeiro?',
      'Kann mich bitte mal ein echter Mensch zurückrufen?',
      'Ist es möglich, dass mich ein Berater per Video anruft?',
      'Les pido que un gerente se comunique conmigo lo antes posible.',
      '¿Pueden escalar mi caso a alguien con más autoridad?',
      'Vi chiedo di farmi richiamare da un consulente.',
      'Ik wil graag iemand spreken van de klantenservice, niet de chatbot.',
    ])('%s', (text) => {
      expect(detectHumanRequest(text)).toBe(true);
    });
  });

  describe('asks to be phoned, however the request is framed', () => {
    it.each([
      'I would be grateful if a member of your team could ring me on 07700 900412 at their earliest convenience.',
      'Could the person who wrote to me last week (reference LK-5521) please contact me directly?',
      'Maybe somebody who speaks Ukrainian can call me? English is difficult for me.',
      'could somebody from your business accounts side give me a bell to talk about the Pro plan?',
      'I expect a call from a senior member of staff within 24 hours.',
      'can I speak to a pharmacist please',
      'I would love to chat to an events coordinator about a booking for 40 people',
      'Please ask Priya from the Bangalore office to call me back, she knows the details.',
      'Gostaria que um assistente me ligasse para o 912 345 678.',
      'Können Sie mich bitte zurückrufen?',
      '¿Pueden llamarme al 555 1234, por favor?',
      'Pourriez-vous me rappeler demain matin ?',
      'Potete richiamarmi dopo le 18?',
      'Kunt u mij terugbellen?',
      "Pouvez-vous m'appeler au 06 12 34 56 78 ?",
      'Llámenme por favor, es urgente',
    ])('%s', (text) => {
      expect(detectHumanRequest(text)).toBe(true);
    });

    it.each([
      'Nobody has called me back.',
      'I was told a manager would call me today',
      "Please don't call me, email is fine.",
      'You can call me Sam.',
      'You can call me on 0803 221 7781 if the courier is lost.',
      'The technician will call me tomorrow.',
      'If you need anything else you can contact me directly.',
      'what time will the courier call me?',
      'Can you stop calling me?',
      'my friend said to call me when it arrives',
      'Can I pay by phone?',
      'quero pagar com o cartão',
      'How do I transfer my number to a new SIM?',
      "I'm after a refund for the broken kettle",
      'gimme a refund',
      'My manager needs to approve the purchase first',
      'I had to deal with a rude agent yesterday',
      'Is there a number I can call for lost cards?',
      'Como hablo con mi hijo sobre la cuenta familiar?',
      'Wie erreiche ich die Seite mit den Rechnungen?',
      'transfer me the money back',
      'connect me to the wifi please',
      'We got someone involved last week and it is sorted now',
      'Put the order on hold please',
      'Which department handles returns?',
      'Anyone working on this bug?',
      'Please escalate the refund, it has been weeks',
      'Talk to your doctor before you take it.',
      "I don't want to discuss this over the phone",
    ])('but not %s', (text) => {
      expect(detectHumanRequest(text)).toBe(false);
    });
  });

  describe('asks that a person, not the bot, handle the case, in any language', () => {
    it.each([
      'I would like this to be reviewed by a real person.',
      "I'd really appreciate it if a human could have a look at my claim.",
      'Can my case be assigned to a case manager?',
      'Could you please arrange for me to discuss this with someone in person?',
      'Quisiera que un agente revisara mi caso personalmente.',
      '¿Sería posible que alguien de atención al cliente me llamara?',
      "Je souhaiterais qu'une personne de votre service me recontacte.",
      'Merci de transmettre ma demande à un conseiller.',
      'Ich möchte, dass sich ein Mitarbeiter bei mir meldet.',
      'Bitte leiten Sie mein Anliegen an einen Menschen weiter.',
      'Vi prego di passare la mia pratica a un operatore umano.',
      'Solicito que o meu caso seja analisado por uma pessoa.',
    ])('%s', (text) => {
      expect(detectHumanRequest(text)).toBe(true);
    });

    it.each([
      'The case was reviewed by a manager and rejected, please explain why',
      'Please note my claim was handled by an agent who was very kind',
      'Someone contacts me every day about this, please stop',
      'My complaint was passed to a supervisor last week, can you tell me the outcome?',
      'Could you forward the invoice to my accountant?',
      'I was told a manager would have called me by now',
    ])('but not %s', (text) => {
      expect(detectHumanRequest(text)).toBe(false);
    });
  });

  describe('does not fire on mentions of people that are not requests', () => {
    it.each([
      // A complaint about an agent is not a request for one: the complaint intent and the tone
      // rules decide whether it escalates, not the immediate built-in detection.
      'the agent on the phone was rude yesterday',
      'is there any way I can actually talk my way out of the fee',
      'can you please call me a taxi',
      'what is a human resources department',
      "I'm a real person, not a bot",
      'my travel agent booked this',
      'human error on your side',
      'do you have agents in Spain?',
      'person of interest',
      'are you a human?',
      'is this a real person?',
      'am I talking to a bot or a human?',
      'I talked to an agent yesterday',
      'I spoke to a person who promised a refund',
      'I need an agent login',
      'do I need a person to sign for the delivery?',
      'talk to you later',
      'speak to me in Spanish',
      'I want to become an agent',
      'are agents available on weekends?',
      'the operator of this website',
      'can you give me some support with my order',
      'Thanks for the support',
      'the person who sold me this lied',
      'Mensch, das dauert!',
      'personne ne répond',
      'hay agentes en España?',
      'Human here, the captcha keeps failing',
      'I need a representative sample of my data',
      'Someone used my card without permission',
      'Is anyone else having this problem?',
      'Can someone explain why I was charged twice?',
      'Can you send the invoice to my manager?',
      'Der Mitarbeiter war unfreundlich',
      'mi agente de viajes reservó esto',
    ])('%s', (text) => {
      expect(detectHumanRequest(text)).toBe(false);
    });
  });

  describe('negation', () => {
    it.each([
      "no, I don't want to talk to a human, just answer",
      "I don't need a person",
      'I do not want to speak to anyone',
      'I would rather not talk to a person',
      'Please do not transfer me to an agent',
      'I never asked to speak to a human',
      'no quiero hablar con una persona',
      'je ne veux pas parler à un humain',
      'je ne veux parler à personne',
      'ich möchte nicht mit einem Menschen sprechen',
      'ich brauche keinen Menschen',
      'não quero falar com um atendente',
    ])('%s is not a request', (text) => {
      expect(detectHumanRequest(text)).toBe(false);
    });

    it.each([
      'No, I want a human',
      'no i want a human',
      "why don't you connect me to an agent?",
      "if you don't know, let me talk to a human",
      "I don't want to wait, get me a person",
      "I don't want the bot I want a person",
    ])('%s is still a request', (text) => {
      expect(detectHumanRequest(text)).toBe(true);
    });
  });

  describe('normalisation', () => {
    it.each([
      'HUMAN',
      'Humannnn!!!',
      'pleeease get me a humaaan',
      'talk to a humen',
      'AGENT PLEASE',
      'agent...please?',
      '  operator  ',
    ])('%s', (text) => {
      expect(detectHumanRequest(text)).toBe(true);
    });

    it('finds the request in a longer message', () => {
      expect(
        detectHumanRequest('My order never arrived. This is the third time I write. Let me talk to a human.'),
      ).toBe(true);
    });

    it('is false for empty or symbol-only text', () => {
      expect(detectHumanRequest('')).toBe(false);
      expect(detectHumanRequest('?!… 👍')).toBe(false);
    });

    it('does not trip over words that are also object properties', () => {
      expect(detectHumanRequest('constructor toString __proto__ hasOwnProperty')).toBe(false);
    });
  });
});
