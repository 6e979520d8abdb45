import { ELIDED, foldText } from '../text/fold';

/*
 * "Asks for a human" detection, which escalates at once: every false positive costs an agent's
 * time, so it fires only on a request verb governing a human noun ("talk to a person", "I want an
 * agent", "is there a real person there?") or on a message that is nothing but a human noun
 * ("agent please", "human!"), or on a sentence that asks to be phoned or for a person to handle
 * the case ("could a member of your team ring me", "I'd like this reviewed by a real person").
 * Mentions ("the agent was rude", "my travel agent", "human error") and negated requests ("I don't
 * need a person") do not fire.
 *
 * Text is folded (case, accents), split into clauses at punctuation, elongations are squeezed
 * against the grammar's own vocabulary ("humaaan" → "human") and a few common typos are fixed.
 */

const vocabulary = new Set<string>();

/**
 * Grammar phrases written as one comma-separated list: words`talk, speak, get through`. Every word
 * joins the vocabulary that elongations are squeezed against.
 */
function words(list: TemplateStringsArray): readonly string[] {
  const phrases = list
    .join('')
    .split(',')
    .map((phrase) => phrase.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  for (const phrase of phrases) for (const word of phrase.split(' ')) vocabulary.add(word);
  return phrases;
}

function alt(phrases: readonly string[]): string {
  return `(?:${[...phrases].sort((a, b) => b.length - a.length).join('|')})`;
}

const opt = (part: string): string => `(?:${part} )?`;
const upTo = (part: string, max: number): string => `(?:${part} ){0,${max}}`;

/** Lead phrases (the request verb, or the word a rule starts with) and the pattern that must follow them. */
type Rule = readonly [leads: readonly string[], rest: string];

/** Words that make a noun something other than a human to talk to: "human error", "agent login". */
const NOT_A_PERSON = alt(
  words`
    resources, resource, error, errors, rights, nature, race, trafficking, body, of interest, login,
    account, accounts, portal, dashboard, app, license, licence, seat, seats, role, permissions, access, id,
    number, code, software, program, mode, view, panel, tool, side, interface, api, fee, fees, commission,
    sample, samples, example, examples, de viajes, de viaje, de seguros, inmobiliario, de interes,
    immobilier, de voyage, d assurance, de voyages
  `,
);
const NOUN_END = `(?= |$)(?! ${NOT_A_PERSON}(?: |$))`;

// ---- English -------------------------------------------------------------------------------

const EN_DET = alt(words`a, an, the, some, any, another, your, one of your, one of the, a different, one`);
const EN_ADJ = alt(
  words`
    real, actual, actually, live, living, human, proper, physical, genuine, normal, regular,
    flesh and blood, breathing, real life, english speaking, spanish speaking, customer service,
    customer support, customer care, support, service, sales, senior, different, other, competent,
    qualified, knowledgeable, friendly, available, technical, tech, billing, fucking, freaking, frickin,
    damn, bloody, goddamn, complaints, escalations, accounts, duty, floor, store, branch, named, account,
    concerned, responsible, dedicated, assigned
  `,
);
const EN_STRICT = words`
  human, humans, human being, human beings, person, persons, agent, agents, representative, representatives,
  rep, reps, operator, operators, manager, managers, supervisor, supervisors, staff member, member of staff,
  member of your team, member of the team, member of your staff,
  employee, employees, human help, human assistance, human support, live chat, live support, live help,
  officer, officers, advisor, advisors, adviser, advisers, consultant, consultants, specialist, specialists,
  executive, executives, colleague, colleagues, colleague of yours, csr, csrs, caseworker, case manager,
  account manager, relationship manager, claims handler, adjuster
`.concat([
  'member of (?:your|the|our) (?:[a-z]+ ){0,2}(?:team|staff|department)',
  'whoever (?:handles|deals with|manages|looks after|is handling|is dealing with|takes care of) [a-z]+',
]);
const EN_SOMEONE = words`someone, somebody, anyone, anybody`;
const EN_BROAD = [
  ...EN_STRICT,
  ...EN_SOMEONE,
  ...words`
    people, staff, advisor, adviser, associate, team member, customer service, customer support,
    customer care, support, support team, helpdesk, help desk, service desk, sales, consultant, specialist,
    technician, team, boss, owner, assistant, assistants, whoever is in charge, whoever is responsible,
    person in charge, someone in charge, engineer, engineers, coordinator, billing, claims, retentions,
    whoever is above her, whoever is above him, whoever is above you, pharmacist, pharmacists, nurse, nurses,
    tutor, instructor, planner, event planner, events coordinator, concierge, receptionist, accountant, broker,
    underwriter, mechanic, installer, surveyor, department, departments, dept, management, management team
  `,
];
/**
 * Teams rather than people: "transfer me to support" asks for a person, "talk to customer service"
 * or "get in touch with support" is as often a question of how to reach them.
 */
const EN_TEAMS: ReadonlySet<string> = new Set(
  words`
    customer service, customer support, customer care, support, support team, helpdesk, help desk,
    service desk, sales, team, billing, claims, retentions, department, departments, dept
  `,
);
const enNp = (nouns: readonly string[]): string => `${opt(EN_DET)}${upTo(EN_ADJ, 3)}${alt(nouns)}${NOUN_END}`;
const EN_NP_BROAD = enNp(EN_BROAD);
const EN_NP_PEOPLE = enNp(EN_BROAD.filter((noun) => !EN_TEAMS.has(noun)));
const EN_NP_STRICT = enNp(EN_STRICT);
const EN_NP_GET = enNp([...EN_STRICT, ...EN_SOMEONE]);
/** Any word but a negation or a possessive ("my manager" is the writer's own). */
const EN_ANY_WORD = '(?:(?!(?:not|no|my|her|his|their|its|our) )[a-z]+ )?';
/**
 * With a word of any kind around the adjectives: "an insurance advisor", "the disputes team";
 * `determiner` required where a bare verb may precede ("forward to seeing these people").
 */
const EN_NP_ANY_ADJ = (nouns: readonly string[], determiner: 'optional' | 'required' = 'optional'): string =>
  `${determiner === 'required' ? `${EN_DET} ` : opt(EN_DET)}${EN_ANY_WORD}${upTo(EN_ADJ, 2)}${EN_ANY_WORD}${alt(nouns)}${NOUN_END}`;
/** "Someone senior", "someone kind", "somebody else". */
const EN_SOMEONE_WHO = `${alt(EN_SOMEONE)}(?: at all)?(?: ${alt(words`senior, else, real, competent, qualified, experienced, kind, human, knowledgeable`)})?`;

const EN_TALK = words`
  talk, speak, chat, converse, communicate, talking, speaking, chatting, conversing, get through,
  get in touch, be in touch, getting in touch, rather deal,
  prefer to deal, complain, have a word, have a chat, have a conversation, get on the phone, get on a call
`;
const EN_ADVERB = alt(words`directly, now, right now, again, personally, immediately, asap, please, just`);
const EN_TRANSFER = words`
  connect, transfer, put, pass, forward, hand, redirect, switch, route, send, escalate, refer, hook,
  be connected, be transferred, be put, be passed, be sent, be escalated, be redirected, be switched,
  be referred, get transferred, get connected, get put through
`;
const EN_TRANSFER_OBJECT = alt(
  words`me, us, this, it, my call, my chat, the chat, this chat, my case, my ticket`,
);
const EN_TRANSFER_FILLER = alt(
  words`
    over, through, back, directly, now, please, up, in touch, in contact, on the phone, on the line,
    on a call, on
  `,
);
const EN_WANT = words`
  want, wanna, need, would like, id like, would prefer, id prefer, prefer, request, requesting, demand,
  require, ask for, asking for, looking for, waiting for, rather have, im after, i am after, would love, id love
`;
const EN_GET = words`
  fetch me, gimme,
  get me, give me, find me, bring me, send me, can i get, could i get, may i get, can i have, could i have,
  may i have, can you get, could you get, can we get, can we have, let me have
`;
const EN_MODAL = alt(words`i can, i could, we can, to, who can, that can, who could, who will`);
const EN_TALK_AFTER = `${EN_MODAL} (?:actually |really |just )?${alt(words`talk, speak, chat, call, phone, ring, email, contact, reach, write to`)}`;
/** "I need a person to sign for it" is not a request; "a person to look at this" is. */
const EN_WANT_PURPOSE = `(?! to (?!${alt(
  words`
    talk, speak, chat, call, contact, help, assist, look, check, review, handle, deal, fix, answer, explain,
    respond, reply, get back, email, text, phone, ring, sort
  `,
)}\\b))`;
const EN_CALL = alt(
  words`call, contact, phone, telephone, ring, email, text, dm, pm, message, reach out to, get back to, get in touch with, go over this with, dm or phone, dm or call`,
);
const EN_CALL_ME = `(?:${EN_CALL} ${alt(
  words`me, us, her, him, them, my mum, my mom, my mother, my dad, my father, my wife, my husband, my partner`,
)}\\b|reach out$|give ${alt(words`me, us`)} a ${alt(words`call, ring, buzz`)}\\b)`;
const EN_HELP_ME = `(?:${alt(words`help, assist`)} ${alt(words`me, us, with, please`)}|${alt(words`talk, walk`)} ${alt(words`me, us`)} through|${alt(
  words`look at, take a look at, have a look at, review, check, handle, deal with, sort out, go through`,
)} (?:${alt(words`this, it, that`)}|my(?: [a-z]+){1,3}))`;
const EN_HERE = alt(words`there, here, available, online, around, home`);
const EN_ESCALATED = alt(words`
  this, it, me, my case, my issue, my ticket, my request, my complaint, the case, the issue, the ticket,
  the chat, the conversation
`);
const EN_PRESENT = alt(
  words`
    there, here, available, online, around, on the line, on the other end, on the other side, who can help,
    that can help, to help, i can call, i can contact, i can reach, to call, to contact, anywhere,
    monitoring, reading, behind, answering, reading this, behind this,
    in your company, at your company, in this company, who could help
  `,
);
/** "Is there someone who could phone me". */
const EN_WHO_CALLS = `${alt(words`who, that`)} ${alt(words`can, could, would, will`)} ${alt(words`phone, call, ring, contact, email, help`)} ${alt(words`me, us`)}`;

/** "Is someone from your team available". */
const EN_FROM_YOU = `from (?:${alt(
  words`your team, the team, your company, your side, support, your support team, sales, your sales team, customer service, billing`,
)}|${alt(words`your, the`)}(?: [a-z]+){1,2} ${alt(words`team, department, office, side`)})`;
/** "Is anyone actually there?" */
const EN_REALLY = alt(words`actually, really, even, still`);
/** "Anyone real I can talk to", "someone human". */
const EN_REAL = alt(words`real, human, actual, alive, competent, live`);
/** "Can I get a call back?": a person calling. */
const EN_CALLBACK = alt(words`call back, callback, phone call, call from someone, call from a person`);

const EN_RULES: readonly Rule[] = [
  [EN_TALK, ` ${opt(EN_ADVERB)}${alt(words`to, with`)} ${EN_NP_PEOPLE}`],
  [EN_TALK, ` ${opt(EN_ADVERB)}${alt(words`to, with`)} ${EN_NP_ANY_ADJ(EN_STRICT)}`],
  [words`contact, contacting, reach, reaching`, ` ${EN_NP_GET}`],
  [
    EN_TRANSFER,
    ` ${opt(EN_TRANSFER_OBJECT)}${opt(EN_TRANSFER_FILLER)}${alt(words`to, with, onto`)} (?:${EN_NP_BROAD}|${EN_NP_ANY_ADJ(EN_BROAD, 'required')})`,
  ],
  [EN_WANT, ` ${EN_NP_STRICT}${EN_WANT_PURPOSE}`],
  [EN_GET, ` ${EN_NP_GET}`],
  [[...EN_WANT, ...EN_GET], ` ${EN_NP_BROAD} ${EN_TALK_AFTER}\\b`],
  [
    words`have, get, can, could, will, would, please, need, want, let`,
    ` (?:${EN_NP_GET}|${EN_SOMEONE_WHO}|${EN_NP_ANY_ADJ(EN_STRICT)}) (?:(?:${EN_FROM_YOU}|(?:in|from|at) (?:the |your )?[a-z]+(?: [a-z]+)?) )?(?:${alt(words`please, actually, just, kindly, possibly, finally, must, should, needs to, has to`)} )?(?:to )?(?:${EN_CALL_ME}|${EN_HELP_ME}\\b)`,
  ],
  // "Can some technician call me?"
  [words`can, could, will, would`, ` ${opt(EN_DET)}${alt(words`technician, engineer`)} (?:please )?${EN_CALL_ME}`],
  // "Any chance someone could phone me back", "someone from your team could give me a call".
  [
    [...EN_SOMEONE, ...words`a colleague, a colleague of yours, one of your colleagues, one of your agents, one of your advisors`],
    `(?: ${alt(words`senior, else, real, competent, qualified, kind, human`)})?(?: ${EN_FROM_YOU}| (?:in|from|at|of) (?:the |your )?[a-z]+(?: [a-z]+)?)? ` +
      `${alt(words`could, can, would, will, please, must, should, needs to, need to, has to, be able to, would be able to`)} (?:${alt(words`please, kindly, maybe, possibly, just`)} )?` +
      `(?:${EN_CALL_ME}|${EN_HELP_ME}\\b|get in touch\\b|reach out\\b|${alt(words`talk me through, walk me through, talk us through, walk us through, go through it with me`)}\\b)`,
  ],
  // "I'd like someone in retentions to call me", "possible somebody call me".
  [
    [...EN_WANT, ...words`possible, is it possible for, is it possible that, any chance, any way, is there any way, is there a way`],
    ` (?:${EN_SOMEONE_WHO}|${EN_NP_GET})(?: (?:in|from|at) (?:the |your )?[a-z]+(?: [a-z]+)?)? (?:${alt(words`to, could, can, would, will`)} )?${EN_CALL_ME}`,
  ],
  [words`can, could, will, would`, ` ${EN_NP_STRICT} ${opt(EN_ADVERB)}${EN_HELP_ME}\\b`],
  // "Is a human able to look at this?", "could a human maybe help?"
  [
    words`is, can, could, would, will`,
    ` ${EN_NP_STRICT} (?:${alt(words`able to, maybe, possibly, please, be able to, going to, gonna, ever going to`)} )?(?:${EN_HELP_ME}\\b|help$|help me\\b|${alt(
      words`reply to me, respond to me, answer me, reply, respond, read this, look at this, look into this, check this, get back to me`,
    )}\\b)`,
  ],
  // "Would the property manager be available for a brief phone conversation?"
  [words`would, is, will, could`, ` ${EN_NP_ANY_ADJ(EN_STRICT)} (?:be )?available (?:for|to) (?:a |an )?(?:[a-z]+ )?${alt(words`call, chat, phone conversation, conversation, meeting, phone call`)}\\b`],
  // "Sort the details over the phone with one of your team".
  [words`over the phone with, by phone with, on the phone with, in person with`, ` (?:one of your team|${EN_NP_BROAD})`],
  [
    words`is there, are there, if there is, if theres, if there are, whether there is, whether theres`,
    ` (?:${EN_NP_BROAD}|${EN_SOMEONE_WHO})(?:$| ${EN_PRESENT}\\b| ${EN_TALK_AFTER}\\b| ${EN_WHO_CALLS}\\b)`,
  ],
  [words`is there, are there, is, i need, i want, get me`, ` ${alt(EN_SOMEONE)} ${EN_REAL}(?:$| ${EN_PRESENT}\\b| ${EN_TALK_AFTER}\\b)`],
  [
    words`is, are, would, could`,
    ` ${alt(EN_SOMEONE)} ${opt(EN_FROM_YOU)}${opt(EN_REALLY)}${opt('be')}${EN_HERE}\\b(?! (?:yesterday|last|earlier|before))`,
  ],
  [[...EN_WANT, ...EN_GET, ...words`book, schedule, arrange`], ` ${opt(EN_DET)}(?:[a-z]+ )?${EN_CALLBACK}\\b`],
  // "Kindly arrange a call from a senior officer".
  [
    [...EN_WANT, ...EN_GET, ...words`book, schedule, arrange, organise, organize, set up`],
    ` ${opt(EN_DET)}(?:[a-z]+ )?${alt(words`call, phone call, callback, call back, visit`)} from ${EN_NP_ANY_ADJ(EN_BROAD)}`,
  ],
  // "Can I book a call with a senior advisor?", "schedule an appointment with one of your advisors".
  [
    [...EN_WANT, ...EN_GET, ...words`book, schedule, arrange, set up, have, organise, organize, make`],
    ` ${opt(EN_DET)}(?:[a-z]+ )?${alt(words`call, phone call, video call, appointment, meeting, chat, conversation, zoom, teams call, consultation, session`)} with (?:${alt(words`our, my`)} )?${EN_NP_ANY_ADJ(EN_BROAD)}`,
  ],
  // "Can I book an in-person appointment at the store?"
  [
    words`book, schedule, arrange, make, get, have`,
    ` ${opt(EN_DET)}(?:[a-z]+ ){0,2}${alt(words`appointment, meeting`)} ${alt(words`at, in`)} ${opt(alt(words`the, your, a, one of your, my local, the nearest, our local`))}(?:[a-z]+ )?${alt(words`store, branch, shop, office, centre, center`)}\\b`,
  ],
  // "Can I have the direct line of Mr. Novak?", "the phone number of somebody in billing".
  [
    words`number of, number for, direct line of, direct line for, direct line to, extension of, contact of, contact details of`,
    ` (?:${EN_NP_GET}|${EN_SOMEONE_WHO}|${alt(words`mr, mrs, ms, miss, dr`)})\\b`,
  ],
  // "Kindly arrange for a customer care officer to call me", "I demand that a supervisor phones me".
  [
    words`arrange for, ask for, demand that, request that, ask that, insist that, need, want`,
    ` (?:${EN_NP_GET}|${opt(EN_DET)}${alt(words`technician, engineer`)})(?: [a-z]+){0,2} (?:to )?${alt(words`call, calls, phone, phones, ring, rings, contact, contacts`)} ${alt(words`me, us`)}\\b`,
  ],
  [
    words`is, are`,
    ` ${opt(alt(words`any, a, an`))}${upTo(EN_ADJ, 2)}${alt(EN_BROAD)} ${EN_HERE}(?: ${alt(words`now, right now`)})?(?:$| to help\\b| i can\\b| who can\\b)`,
  ],
  [words`do you have, have you got, do you guys have, you got`, ` ${EN_NP_BROAD} ${EN_TALK_AFTER}\\b`],
  [words`do you have, have you got, is there`, ` ${EN_NP_STRICT}(?: available)? who ${alt(words`speaks, speak, can speak`)}\\b`],
  // "Do you have live agents or is it only this bot?"
  [words`do you have, have you got, do you guys have, do you even have`, ` ${opt(EN_DET)}${EN_REAL} ${alt(EN_BROAD)} or\\b`],
  // "I just need someone to go through it with me".
  [EN_WANT, ` ${alt(EN_SOMEONE)} ${opt(EN_FROM_YOU)}to ${alt(words`talk, speak, call, go through, go over, walk me through, explain, look at, help me, sort`)}\\b`],
  [words`where is, where are, wheres, where r`, ` ${EN_NP_BROAD}$`],
  [words`escalate`, `(?: ${EN_ESCALATED})?(?: ${alt(words`please, now, asap, immediately, right now`)})*$`],
  // "Who can I talk to about this?", "how do I get a human on the line".
  [words`who can i, who do i, who should i, who could i, who can we, who do we`, ` ${alt(words`talk, speak, chat`)} ${alt(words`to, with`)}\\b`],
  [words`how do i get, how can i get, how to get, how do we get, how can we get, any way to get, a way to get, anyway to get`, ` ${EN_NP_GET}`],
  // "Requesting escalation to a supervisor", "that my complaint be escalated to the Head of Customer Experience".
  [words`escalation`, ` to ${EN_NP_BROAD}`],
  [words`escalate, escalated, escalating`, `(?: [a-z]+){0,4} to (?:${EN_NP_BROAD}|(?:the )?head of [a-z]+)`],
  // "DM me a number where a person picks up".
  [
    words`number where, number that, line where, number on which`,
    ` (?:a |an |the )?(?:real |actual |live )?${alt(words`person, human, human being, someone, somebody, agent`)} ${alt(words`picks up, answers, will answer, actually answers, will pick up`)}\\b`,
  ],
  // "I'd rather sort this over the phone with someone", "I'd prefer to discuss this with someone".
  [words`id rather, i would rather, id prefer to, i would prefer to, i prefer to`, `(?! not)(?: [a-z]+){1,6} with ${EN_NP_GET}`],
  // "Call me asap", "phone me please": an order to call, the whole clause.
  // "Please ask someone to call me", "I want this escalated", "get a manager on the phone".
  [words`ask, get`, ` ${EN_NP_GET} to (?:${EN_CALL_ME}|${EN_HELP_ME}\\b)`],
  [EN_WANT, ` ${alt(words`this, it, my case, my complaint, my issue, my ticket`)} escalated\\b`],
  [words`get`, ` ${EN_NP_STRICT} ${alt(words`on the phone, on the line, on a call, on chat, on this chat, on the chat, on here`)}\\b`],
  // "I need to deal with an actual employee", "who is the best person to speak to about...".
  [words`need to deal with, want to deal with, like to deal with, prefer to deal with`, ` ${EN_NP_ANY_ADJ(EN_STRICT)}`],
  [words`who is the best person, who would be the best person, who is the right person, who is the person`, ` to ${alt(words`talk, speak, chat, contact, call`)}\\b`],
  // "Could I speak to the fraud team please": a named team, asked for in the first person.
  [
    words`can i, could i, may i, id like to, i would like to, i want to, i need to`,
    ` (?:please )?${alt(words`speak, talk`)} ${alt(words`to, with`)} (?:${alt(words`the, your, someone in the, someone from the, someone in your, someone from your`)} )?(?:[a-z]+ )?${alt(words`team, department, desk`)}\\b`,
  ],
  // "paki-connect naman sa live agent" (Taglish).
  [words`paki connect, pakiconnect, paki transfer, pakitransfer`, ` (?:${alt(words`naman, po, ako, me`)} )*(?:${alt(words`sa, to, with`)} )?${EN_NP_BROAD}`],
  // "Get someone on this NOW", "please loop in a member of staff".
  [words`get, put`, ` ${EN_NP_GET} ${alt(words`on this, on it, on my case, on the case, involved`)}\\b`],
  [words`loop in, bring in`, ` ${EN_NP_GET}`],
  // "Put a person on please".
  [words`put`, ` ${EN_NP_GET} on(?:$| ${alt(words`please, now, the phone, the line, the chat, here`)}\\b)`],
  // "Any real people working today?"
  [words`any, anyone, anybody, someone, somebody`, `(?: ${EN_REAL})?(?: ${alt(words`people, humans, persons, agents`)})? ${alt(words`working today, working now, working there, on duty, on shift`)}\\b`],
  [words`get`, ` (?:${alt(words`our, my`)} )?${EN_NP_ANY_ADJ(EN_STRICT)} to ${EN_CALL_ME}`],
  // "Connect customer service representative": the preposition left out.
  [words`connect, transfer`, ` (?:me )?${EN_NP_STRICT}`],
  [words`connect, transfer`, ` me ${EN_NP_BROAD}`],
  // "Please arrange one call from your side".
  [words`arrange, schedule, book`, ` (?:${alt(words`a, an, one`)} )?(?:quick )?${alt(words`call, callback, call back, phone call`)}\\b`],
  // "Talk with customer care on phone".
  [EN_TALK, ` ${alt(words`to, with`)} ${EN_NP_BROAD} ${alt(words`on phone, on the phone, by phone, over the phone`)}\\b`],
  // "A human calls me today or I go".
  [words`a human, a real person, an actual person, a person`, ` ${alt(words`calls, phones, rings, contacts`)} ${alt(words`me, us`)}\\b`],
  // "Could one of your sales people call me".
  [
    words`one of your`,
    ` (?:[a-z]+ )?${alt(words`people, staff, agents, reps, representatives, advisors, team, colleagues, engineers, technicians, experts, specialists`)} ` +
      `${alt(words`could, can, would, will, please, must`)} (?:please )?${EN_CALL_ME}`,
  ],
];
const EN_BARE_NOUNS = [
  ...EN_STRICT,
  ...EN_SOMEONE,
  ...words`customer service, customer support, customer care, support`,
];
const EN_BARE_LEAD = alt(
  words`please, pls, plz, hi, hello, hey, ok, okay, now, just, yes, yeah, yep, sure, um, uh, oh`,
);
const EN_BARE_TAIL = alt(
  words`
    please, pls, plz, now, asap, right now, again, thanks, thank you, thx, immediately, already, needed,
    would be nice, would be great, would be better, would help, if possible, if you can
  `,
);
/** "Anyone there?", "any humans here?"; but "human here" is someone introducing themselves. */
const EN_ANY_NOUN = `any ${upTo(EN_ADJ, 2)}${alt(EN_BARE_NOUNS)}`;
const EN_PRESENCE = `(?:${alt(EN_SOMEONE)}|${EN_ANY_NOUN}) ${opt(EN_REALLY)}(?:${EN_HERE}|out there)`;
const EN_BARE_NP = `${opt(EN_DET)}${upTo(EN_ADJ, 3)}${alt(EN_BARE_NOUNS)}${NOUN_END}`;
const EN_BARE = `(?!your )${upTo(EN_BARE_LEAD, 3)}(?:${EN_BARE_NP}|${EN_PRESENCE})(?: ${EN_BARE_TAIL})*`;

// ---- Spanish -------------------------------------------------------------------------------

const ES_DET = alt(
  words`un, una, el, la, los, las, algun, alguna, uno de sus, una de sus, su, sus, otro, otra, al, a`,
);
const ES_STRICT = words`
  persona, personas, humano, humanos, ser humano, agente, agentes, asesor, asesora, asesores, operador,
  operadora, representante, ejecutivo, ejecutiva, encargado, encargada, supervisor, supervisora, gerente,
  responsable, empleado, empleada, tecnico, tecnica, comercial
`;
const ES_BROAD = [
  ...ES_STRICT,
  ...words`alguien, atencion al cliente, servicio al cliente, soporte, soporte tecnico`,
];
const ES_ADJ_BEFORE = alt(words`verdadero, verdadera, autentico, autentica`);
const ES_ADJ_AFTER = alt(
  words`real, reales, humano, humana, de verdad, de carne y hueso, en vivo, vivo, fisico, fisica`,
);
const esNp = (nouns: readonly string[]): string =>
  `${opt(ES_DET)}${opt(ES_ADJ_BEFORE)}${alt(nouns)}${NOUN_END}(?: ${ES_ADJ_AFTER})?`;
const ES_TALK = words`
  hablar, hablarle, charlar, platicar, conversar, comunicarme, comunicarnos, contactar, contactarme, tratar,
  hablar directamente
`;
const ES_TRANSFER = words`
  pasame, paseme, pasarme, comunicame, comuniqueme, transfiereme, transfierame, transferirme, conectame,
  conecteme, conectarme, ponme, pongame, ponerme, derivame, deriveme, derivarme, me pasas, me pasa,
  me comunicas, me comunica, me transfieres, me transfiere, me conectas, me conecta, me derivas, me deriva,
  me pones, me pone, me pueden pasar, me puede pasar, me podrian pasar, me podria pasar, pueden pasarme,
  puede pasarme, pasenme, comuniquenme, transfieranme, conectenme, me pueden comunicar, me puede comunicar, me podrian comunicar, me podria comunicar,
  me pueden transferir, me puede transferir, me pueden conectar, me puede conectar
`;
const ES_WANT = words`
  quiero, necesito, quisiera, deseo, prefiero, exijo, solicito, pido, me gustaria, dame, deme, me da,
  me das, puedo tener, busco
`;
const ES_HERE = alt(words`ahi, alli, disponible, con quien hablar, con quien pueda hablar, para hablar, por ahi`);
const ES_RULES: readonly Rule[] = [
  [ES_TALK, ` (?:${alt(words`personalmente, directamente, en persona`)} )?${alt(words`con, a, al`)} ${esNp(ES_BROAD)}`],
  [words`donde me atienda, donde me atiendan, donde me atiende`, ` ${esNp(ES_BROAD)}`],
  [ES_TRANSFER, ` (?:${alt(words`con, a, al`)} )?${esNp(ES_BROAD)}`],
  [ES_WANT, ` ${esNp(ES_STRICT)}`],
  [words`hay`, ` ${esNp(ES_BROAD)}(?:$| ${ES_HERE}\\b)`],
  [
    words`me puede, me pueden, me podria, me podrian, nos puede, nos pueden, que me, que nos`,
    ` ${alt(words`atender, atienda, atiendan, llamar, llame, contactar, contacte, escriba, escriban, hable`)} ${esNp(ES_BROAD)}`,
  ],
  // "Necesito que esto lo vea un supervisor", "el número de teléfono de algún encargado", "una cita con un ejecutivo".
  [words`lo vea, lo revise, lo mire, lo atienda`, ` ${esNp(ES_BROAD)}`],
  [words`numero de telefono de, numero de, telefono de, contacto de`, ` ${esNp(ES_STRICT)}`],
  [words`cita, reunion, llamada`, `(?: [a-z]+){0,4} con ${esNp(ES_BROAD)}`],
  // "Necesito que alguien me llame", "que un asesor me contacte".
  [
    words`que`,
    ` ${esNp(ES_BROAD)}(?: (?:de ${alt(words`su, sus, la, el, vuestro, vuestra`)}|del)(?: [a-z]+){1,2})? ` +
      `(?:${alt(words`me, nos`)} ${alt(words`llame, llamen, atienda, atiendan, contacte, contacten`)}|se ponga en contacto conmigo|se comuni(?:que|quen) conmigo)\\b`,
  ],
  [words`llamenme, llameme, llamame`, `\\b`],
  // "¿Con quién puedo hablar sobre esto?", "¿Cómo contacto con un asesor?"
  [words`con quien`, ` ${alt(words`puedo, podria, tengo que, debo, hay que`)} ${alt(words`hablar, comunicarme, tratar`)}\\b`],
  [words`a quien`, ` ${alt(words`puedo, debo, tengo que`)} ${alt(words`dirigirme, acudir, llamar`)}\\b`],
  [words`como`, ` ${alt(words`contacto, hablo, me comunico, puedo hablar, puedo contactar, contactar, hablar, me pongo en contacto`)} (?:con )?${esNp(ES_STRICT)}`],
  [words`transferir, transfiereme, pasame, paseme, comunicame, comuniqueme, me pasa, me comunica`, ` (?:a |al |con (?:el )?)?departamento (?:de )?[a-z]+`],
  // "Pueden escalar mi caso a alguien con más autoridad?", "que me atienda la señorita Carolina".
  [words`escalar, escalen, escale, escalado, escalada`, `(?: [a-z]+){0,4} a ${esNp(ES_BROAD)}`],
  [words`me atienda, me atiendan`, ` ${alt(words`el, la`)} ${alt(words`senor, senora, senorita, sr, sra, licenciado, licenciada`)}\\b`],
  // "¿Podrían devolverme la llamada el lunes?"
  [words`devolverme, devuelvanme, me devuelvan, me devuelva, devuelvame, me pueden devolver, me puede devolver`, ` la llamada\\b`],
  [words`si me llama, me llama, que me llame`, ` ${esNp(ES_BROAD)}`],
  [words`podria, podrian, puede, pueden`, ` ${esNp(ES_BROAD)} ${alt(words`llamarme, contactarme, atenderme, llamarnos`)}\\b`],
];
const ES_BARE_LEAD = alt(words`hola, por favor, oiga, oye, si`);
const ES_BARE_TAIL = alt(words`por favor, porfa, porfavor, ya, ahora, ahora mismo, urgente, gracias`);
const ES_BARE = `(?:${ES_BARE_LEAD} ){0,2}${esNp(ES_BROAD)}(?: ${ES_BARE_TAIL})*`;

// ---- French --------------------------------------------------------------------------------

const FR_DET = alt(words`un, une, le, la, les, l, au, des, votre, vos, un de vos, une de vos`);
const FR_STRICT = words`
  humain, humains, etre humain, agent, agents, conseiller, conseillere, conseillers, operateur, operatrice,
  interlocuteur, interlocutrice, responsable, manager, superviseur, employe, employee, technicien, vendeur,
  superieur, superieure, superieur hierarchique, directeur, directrice, gestionnaire, representant,
  representante, membre
`;
const FR_BROAD = [...FR_STRICT, ...words`quelquun, service client, service clientele, support`];
const FR_ADJ_BEFORE = alt(words`vrai, vraie, veritable, vraiment`);
const FR_ADJ_AFTER = alt(
  words`humain, humaine, reel, reelle, en chair et en os, physique, en direct, de reel, de vrai, d humain, de vivant`,
);
/** "personne" alone means "nobody": it is a human noun only after an article. */
const FR_PERSONNE_DET = alt(words`une, la, cette, des`);
const FR_PERSONNE = `${FR_PERSONNE_DET} ${opt(FR_ADJ_BEFORE)}${alt(words`personne, personnes`)}`;
const frNp = (nouns: readonly string[]): string =>
  `(?:${opt(FR_DET)}${opt(FR_ADJ_BEFORE)}${alt(nouns)}|${FR_PERSONNE})${NOUN_END}(?: ${FR_ADJ_AFTER})?`;
const FR_TALK = words`parler, discuter, communiquer, echanger, etre en contact, entrer en contact, chatter, entretenir, jaser`;
const FR_REACH = words`joindre, contacter, avoir, voir`;
const FR_TRANSFER = words`
  passez moi, passe moi, passer, me passer, transferez moi, transfere moi, transferer, me transferer,
  mettez moi en relation avec, mets moi en relation avec, me mettre en relation avec,
  mettre en relation avec, mettez moi en contact avec, me mettre en contact avec, connectez moi,
  redirigez moi, rediriger
`;
const FR_WANT = words`
  je veux, je voudrais, j aimerais, je souhaite, je souhaiterais, je demande, il me faut, besoin d,
  besoin de, je prefere, je prefererais, donnez moi, je cherche, veux, voudrais
`;
const FR_HERE = alt(
  words`la, ici, disponible, en ligne, derriere ce chat, derriere l ecran, au bout du fil, derriere, a qui parler, avec qui parler, ou pas, ou non, a qui on peut parler, a qui je peux parler, avec qui je peux parler`,
);
const FR_RULES: readonly Rule[] = [
  [FR_TALK, ` ${alt(words`a, avec, au`)} ${frNp(FR_BROAD)}`],
  [FR_REACH, ` ${frNp(FR_BROAD)}`],
  [FR_TRANSFER, ` (?:${alt(words`a, avec, au`)} )?${frNp(FR_BROAD)}`],
  // "Vous pouvez me transférer au service réclamations ?"
  [FR_TRANSFER, ` (?:${alt(words`a, au, avec`)} )?(?:le )?service [a-z]+`],
  [FR_WANT, ` ${frNp(FR_STRICT)}`],
  [words`il y a, y a t il, est ce qu il y a, y a`, ` ${frNp(FR_BROAD)}(?: au service [a-z]+)?(?:$| ${FR_HERE}\\b| avec qui je peux ${alt(words`echanger, parler, discuter`)}\\b)`],
  [words`transmis a, transmise a, transfere a, transferee a, rendez vous avec, rdv avec`, ` ${frNp(FR_BROAD)}`],
  [words`rendez vous, rdv`, ` [a-z]+ avec ${frNp(FR_BROAD)}`],
  // "À qui puis-je m'adresser ?", "Je demande à parler au service réclamation".
  [words`a qui`, ` ${alt(words`puis je, je peux, dois je, je dois, peut on, faut il, pourrais je`)} ${alt(words`m adresser, parler, ecrire`)}\\b`],
  [words`je demande a, je veux, je voudrais, j aimerais, je souhaite, je souhaiterais`, ` parler (?:a|au|avec) (?:le )?service [a-z]+`],
  [words`escaladez, escalader, remontez`, `(?: [a-z]+){0,3} a ${frNp(FR_BROAD)}`],
  [
    words`qu`,
    ` ${frNp(FR_BROAD)}(?: (?:du|de la|de votre|de l) [a-z]+(?: [a-z]+)?)? ${opt(alt(words`pourrait, peut, puisse`))}(?:[a-z]+ ){0,5}${alt(words`me, m, nous`)} ` +
      `${alt(words`contacter, contacte, rappeler, rappelle, appeler, appelle`)}\\b`,
  ],
  [
    words`quelquun, quelqu un`,
    ` ${alt(words`peut, pourrait, peut il, pourrait il`)} ${alt(words`me, m, nous`)} ${alt(words`rappeler, appeler, contacter, recontacter`)}\\b`,
  ],
  [words`rappelez, recontactez`, ` ${alt(words`moi, nous`)}\\b`],
  // "Je vous prie de bien vouloir me faire rappeler par un conseiller".
  [words`faire`, ` ${alt(words`rappeler, appeler, contacter, recontacter`)} par ${frNp(FR_BROAD)}`],
  [words`etre mis en relation avec, etre mise en relation avec, etre mis en contact avec, etre mise en contact avec`, ` ${frNp(FR_BROAD)}`],
  [words`qu`, ` ${frNp(FR_BROAD)} ${alt(words`serait disponible, est disponible, soit disponible`)}\\b`],
  // "Je voudrais qu'un conseiller me rappelle".
  [
    words`qu`,
    ` ${frNp(FR_BROAD)} ${opt(alt(words`peut, pourrait, puisse`))}${alt(words`me, nous`)} ` +
      `${alt(words`rappelle, appelle, contacte, recontacte, rappeler, appeler, contacter, recontacter`)}\\b`,
  ],
  // "Je souhaiterais être contacté par téléphone par un responsable".
  [
    words`etre`,
    ` ${alt(words`contacte, contactee, rappele, rappelee, appele, appelee, recontacte, recontactee`)}(?: par telephone)? par ${frNp(FR_BROAD)}`,
  ],
];
const FR_BARE_LEAD = alt(words`bonjour, svp, s il vous plait, oui`);
const FR_BARE_TAIL = alt(
  words`s il vous plait, s il te plait, svp, stp, merci, maintenant, vite, tout de suite`,
);
/** "Karim, votre conseiller, ..." names someone: a possessive does not open a bare request. */
const FR_BARE = `(?!(?:votre|vos) )(?:${FR_BARE_LEAD} ){0,2}${frNp(FR_BROAD)}(?: ${FR_BARE_TAIL})*`;

// ---- German --------------------------------------------------------------------------------

const DE_DET = alt(
  words`einen, einem, einer, eine, ein, den, dem, der, die, ihren, ihrem, ihrer, ihre, irgendeinen, nem, ner, einem ihrer, einer ihrer, einen ihrer`,
);
const DE_ADJ = alt(
  words`
    echten, echter, echte, echtes, echtem, realen, realer, reale, richtigen, richtiger, richtige, richtigem,
    menschlichen, menschlicher, menschliche, lebenden, lebendigen, zustandigen, zustandige, kompetenten,
    anderen
  `,
);
const DE_NOUNS_BUT_MENSCH = words`
  menschen, mitarbeiter, mitarbeiterin, mitarbeitenden, mitarbeitende, person, berater, beraterin,
  kundenberater, kundenberaterin, kundendienst, kundenservice, kundensupport, support, servicemitarbeiter,
  supportmitarbeiter, agent, agenten, vorgesetzten, vorgesetzter, chef, manager, ansprechpartner,
  ansprechpartnerin, sachbearbeiter, sachbearbeiterin, techniker, operator, teamleitung, teamleiter,
  teamleiterin, vorgesetzte, kollegen, kollegin, kollege
`;
/** A bare "Mensch!" is an interjection; "ein Mensch", "echter Mensch" are people. */
const DE_NOUNS = [...DE_NOUNS_BUT_MENSCH, ...words`mensch`];
const DE_NP = `${opt(DE_DET)}${opt(DE_ADJ)}${alt(DE_NOUNS)}${NOUN_END}`;
const DE_NP_BUT_MENSCH = `${opt(DE_DET)}${opt(DE_ADJ)}${alt(DE_NOUNS_BUT_MENSCH)}${NOUN_END}`;
const DE_SOMEONE = alt(words`jemandem, jemanden, jemand`);
const DE_NP_OR_SOMEONE = `(?:${DE_NP}|${DE_SOMEONE})`;
const DE_SOFT = upTo(alt(words`bitte, jetzt, sofort, gerne, gern, direkt, kurz, endlich, mal, doch`), 3);
const DE_TALK = alt(
  words`sprechen, reden, chatten, telefonieren, schreiben, kommunizieren, verbunden werden, verbinden`,
);
const DE_TRANSFER = words`
  verbinden sie mich, verbinde mich, verbindet mich, leiten sie mich, leite mich, stellen sie mich,
  stell mich, sprechen, reden
`;
const DE_WANT = words`
  ich mochte, ich will, ich brauche, ich hatte gern, ich hatte gerne, ich wurde gern, ich wurde gerne,
  ich wunsche, ich verlange, ich benotige, geben sie mir, gib mir, bitte, kann ich, konnte ich
`;
const DE_TALK_TO = alt(words`sprechen, erreichen, kontaktieren`);
const DE_HERE = alt(words`da, hier, dort, mit dem ich sprechen kann`);
const DE_RULES: readonly Rule[] = [
  [words`mit`, ` ${DE_NP_OR_SOMEONE}(?: ${alt(words`aus der, aus dem, von der, vom, aus ihrer, aus ihrem, aus`)} [a-z]+)? ${DE_SOFT}(?:zu )?${DE_TALK}\\b`],
  // "Kann sich bitte endlich mal ein echter Mitarbeiter melden?", "Könnten Sie mich an einen Techniker weiterleiten?"
  [words`kann sich, konnte sich, soll sich, moge sich`, `(?: ${alt(words`bitte, endlich, mal, doch`)})* ${DE_NP_OR_SOMEONE}(?: bei mir)? melden\\b`],
  [words`konnten sie mich, konnen sie mich, leiten sie mich, bitte leiten sie mich`, ` ${DE_SOFT}${alt(words`an, zu, mit`)} ${DE_NP} ${alt(words`weiterleiten, verbinden, durchstellen, weiter`)}\\b`],
  // "An wen kann ich mich wenden?", "Wie erreiche ich einen Mitarbeiter?"
  // "eine Telefonnummer, unter der ich einen Menschen erreiche".
  [words`unter der ich, wo ich, bei der ich, uber die ich`, ` ${DE_NP_OR_SOMEONE} ${alt(words`erreiche, erreichen kann, sprechen kann, spreche`)}\\b`],
  [words`an wen`, ` ${alt(words`kann, soll, muss, konnte`)} ${alt(words`ich, man`)} (?:mich |sich )?wenden\\b`],
  [words`mit wem`, ` ${alt(words`kann, soll, muss, konnte`)} ${alt(words`ich, man`)} ${alt(words`sprechen, reden`)}\\b`],
  [words`wie`, ` ${alt(words`erreiche ich, kontaktiere ich, spreche ich mit, komme ich an, kann ich`)} ${DE_NP}(?: ${alt(words`erreichen, kontaktieren, sprechen`)})?\\b`],
  [DE_TRANSFER, ` ${DE_SOFT}${alt(words`mit, an, zu`)} ${DE_NP_OR_SOMEONE}`],
  [words`einen, eine, den, ihren`, ` ${opt(DE_ADJ)}${alt(DE_NOUNS)} ${DE_SOFT}${DE_TALK_TO}\\b`],
  [words`jemandem, jemanden, jemand`, ` ${DE_SOFT}${DE_TALK_TO}\\b`],
  [
    DE_WANT,
    ` ${DE_SOFT}${alt(words`einen, eine, ein, den, ihren`)} ${opt(DE_ADJ)}${alt(DE_NOUNS)}${NOUN_END}`,
  ],
  [words`gibt es, ist da, ist hier, ist dort, sind da`, ` ${DE_NP_OR_SOMEONE}(?:$| ${DE_HERE}\\b)`],
  [words`gibt es hier auch, gibt es auch, gibt es hier`, ` ${DE_NP_OR_SOMEONE}`],
  // "Ich hätte gern jemanden, der sich auskennt", "einen Termin mit einer Beraterin", "um telefonische Kontaktaufnahme".
  [DE_WANT, ` ${DE_SOFT}${DE_SOMEONE}\\b`],
  [words`termin mit, termin bei, gesprach mit, telefonat mit, ruckruf von, anruf von, ruckruf durch`, ` (?:${DE_NP_OR_SOMEONE}|${alt(words`frau, herrn, herr`)} [a-z]+)`],
  // "Dann verbindet mich bitte endlich!", "jemanden, mit dem man reden kann", "dass mich ein Berater per Video anruft".
  [words`verbinden sie mich, verbinde mich, verbindet mich`, `(?: ${alt(words`bitte, endlich, jetzt, sofort, doch, mal, weiter`)})*$`],
  [words`mit dem man, mit der man, mit dem ich, mit der ich`, ` ${DE_SOFT}(?:[a-z]+ )?${alt(words`reden, sprechen`)} ${alt(words`kann, konnte`)}\\b`],
  [words`dass mich, das mich, dass uns`, ` ${DE_SOFT}${DE_NP_OR_SOMEONE}(?: [a-z]+){0,3} ${alt(words`anruft, zuruckruft, kontaktiert, berat`)}\\b`],
  [words`durchwahl von, durchwahl, telefonnummer von, nummer von`, ` (?:${DE_NP_OR_SOMEONE}|${alt(words`frau, herrn, herr`)})\\b`],
  [words`um`, ` ${alt(words`telefonische kontaktaufnahme, einen ruckruf, ruckruf, einen anruf, weiterleitung an`)}\\b`],
  // "Könnte mich ein Energieberater persönlich beraten?"
  [
    words`konnte mich, kann mich, konnten sie mich, konnte uns, kann uns`,
    ` ${opt(alt(words`ein, eine, einer, jemand`))}[a-z]*${alt(words`berater, beraterin, mitarbeiter, mitarbeiterin, techniker`)}\\b`,
  ],
  [words`ist, ist gerade, ist denn`, ` ${DE_SOMEONE}(?: ${alt(words`vom, von der, aus dem`)} [a-z]+)? ${alt(words`da, hier, dort, online, erreichbar, verfugbar`)}\\b`],
  // "Bitte rufen Sie mich zurück", "ich möchte einen Rückruf".
  [words`rufen sie mich, ruf mich, ruft mich, rufen sie uns`, ` ${DE_SOFT}(?:unter [0-9 ]+ )?${alt(words`zuruck, an`)}\\b`],
  // "Kann mich bitte irgendwer von euch anrufen?", "eskalieren Sie den Fall an die Teamleitung".
  [
    words`kann mich, konnte mich, kann uns, konnte uns`,
    ` ${DE_SOFT}(?:${DE_NP_OR_SOMEONE}|irgendwer|irgendjemand)(?: ${alt(words`von euch, von ihnen, von ihrem team, von euch da`)})? ${alt(words`anrufen, zuruckrufen, kontaktieren, beraten`)}\\b`,
  ],
  [words`eskalieren, eskalieren sie`, `(?: [a-z]+){0,3} an ${DE_NP}`],
  [DE_WANT, ` ${DE_SOFT}${alt(words`einen ruckruf, ruckruf`)}\\b`],
];
const DE_BARE_NP = `(?:${DE_NP_BUT_MENSCH}|(?:${DE_DET}|${DE_ADJ}) mensch)`;
const DE_BARE_TAIL = alt(words`bitte, sofort, jetzt, danke, schnell`);
const DE_BARE = `(?:(?:${alt(words`hallo, bitte`)} ){0,2}${DE_BARE_NP}(?: ${DE_BARE_TAIL})*|mensch bitte)`;

// ---- Portuguese ----------------------------------------------------------------------------

const PT_DET = alt(words`um, uma, o, a, ao, algum, alguma, seu, sua, outro, outra`);
const PT_STRICT = words`
  atendente, atendentes, pessoa, pessoas, humano, humanos, ser humano, agente, agentes, operador, operadora,
  representante, consultor, consultora, gerente, supervisor, supervisora, funcionario, funcionaria,
  responsavel, atendimento humano
  assistente, gestor, gestora, tecnico, tecnica
`;
const PT_BROAD = [...PT_STRICT, ...words`alguem, suporte, suporte tecnico, atendimento, sac`];
const PT_ADJ_AFTER = alt(words`real, reais, humano, humana, de verdade, de carne e osso, ao vivo`);
const ptNp = (nouns: readonly string[]): string =>
  `${opt(PT_DET)}${alt(nouns)}${NOUN_END}(?: ${PT_ADJ_AFTER})?`;
const PT_TALK = words`
  falar, conversar, papear, comunicar, comunicar me, contatar, contactar, falar diretamente, falar direto
`;
const PT_TRANSFER = words`
  transfere, transfira, transferir, transfere me, transferir me, me transfere, me transfira, me passa,
  me passe, passa, passe, passar, me conecta, me conecte, conectar, me encaminha, me encaminhe, encaminhar,
  me coloca, me coloque, coloquem, coloque, coloca, passar me, passem me, passa me
`;
const PT_TO = alt(words`para, pra, com, ao, a, pro, pra o`);
const PT_WANT = words`
  quero, preciso de, preciso, gostaria de, gostaria, desejo, prefiro, queria, solicito, exijo, me da, me de,
  me arruma
`;
const PT_HERE = alt(
  words`ai, ali, disponivel, online, para falar, para conversar, com quem falar, com quem conversar`,
);
const PT_RULES: readonly Rule[] = [
  // "Com quem posso falar sobre isso?", "Como falo com um atendente?", "me transferir para o setor financeiro".
  [words`com quem`, ` ${alt(words`posso, devo, consigo, eu posso`)} ${alt(words`falar, conversar, tratar`)}\\b`],
  [words`como`, ` ${alt(words`falo, posso falar, entro em contato, entro em contacto, consigo falar, faco para falar`)} com ${ptNp(PT_STRICT)}`],
  [PT_TRANSFER, ` (?:${PT_TO} )?(?:o )?${alt(words`setor, departamento`)} [a-z]+`],
  [PT_TALK, ` ${alt(words`com, a, ao`)} ${ptNp(PT_BROAD)}`],
  [PT_TRANSFER, ` (?:${PT_TO} )?${ptNp(PT_BROAD)}`],
  [words`podia, pode, poderia`, ` alguem ${alt(words`telefonar me, ligar me, ligar, telefonar, contactar me, me ligar, me telefonar, me contactar`)}\\b`],
  [words`contacto telefonico do, contato telefonico do, contato do, contacto do, telefone do, numero do`, ` ${alt(PT_STRICT)}\\b`],
  [PT_WANT, ` ${ptNp(PT_STRICT)}`],
  // "Prefiro tirar essa dúvida com alguém da equipe".
  [PT_WANT, `(?: [a-z]+){1,5} com ${ptNp(PT_BROAD)}`],
  [words`tem, ha, existe`, ` ${ptNp(PT_BROAD)}(?:$| ${PT_HERE}\\b)`],
  // "Solicito que um gerente entre em contato comigo", "marcar uma reunião com um consultor".
  [words`que`, ` ${ptNp(PT_BROAD)} ${alt(words`entre em contato, entre em contacto, me ligue, me liga, me contate, me contacte, me ligasse, me contactasse, me contatasse, me telefonasse`)}\\b`],
  [words`que me`, ` ${alt(words`liguem, ligue, contactem, contatem, telefonem`)}\\b`],
  // "Alguém me pode contactar por telefone?"
  [words`alguem`, ` ${opt('me')}${alt(words`pode, podia, poderia`)} ${opt('me')}${alt(words`contactar, contatar, ligar, telefonar, atender, ligar me, contactar me`)}\\b`],
  [words`atendimento presencial com, atendimento com`, ` ${ptNp(PT_BROAD)}`],
  [words`reuniao com, conversa com, chamada com, ligacao com`, ` ${ptNp(PT_BROAD)}`],
  // "Exijo retorno por telefone de um responsável".
  [words`retorno, contato, contacto`, `(?: por telefone| telefonico)? de ${ptNp(PT_STRICT)}`],
  // "Podem me ligar?", "me liguem por favor".
  [words`podem, pode, podiam, podia, alguem pode`, ` ${alt(words`me ligar, me retornar, ligar para mim, me telefonar`)}\\b`],
  [words`me liguem, me ligue, liguem me, ligue me`, `(?:$| ${alt(words`por favor, urgente, agora, hoje`)})`],
];
const PT_BARE_TAIL = alt(words`por favor, pfv, pf, agora, ja, urgente, obrigado, obrigada`);
const PT_BARE = `(?:${alt(words`ola, oi, por favor`)} ){0,2}${ptNp(PT_BROAD)}(?: ${PT_BARE_TAIL})*`;

// ---- Italian -------------------------------------------------------------------------------

const IT_NOUNS = words`
  operatore, operatrice, operatori, persona, persona reale, persona vera, essere umano, umano, agente,
  consulente, addetto, addetta, assistente, responsabile, tecnico, capo, dirigente, supervisore, funzionario,
  collega, colleghi
`;
const IT_NP = `${opt(alt(words`un, una, un altro, un altra, il, la, l, lo, qualche, un vero, una vera, un vero e proprio, un vostro, una vostra, il vostro, la vostra, il mio, la mia`))}${alt(IT_NOUNS)}${NOUN_END}(?: ${alt(words`umano, umana, vero, vera, reale, in carne e ossa`)})?`;
const IT_RULES: readonly Rule[] = [
  [
    words`parlare, parlo, posso parlare, vorrei parlare, voglio parlare, devo parlare, passami, passatemi, mi passi, mi passa, mettermi in contatto`,
    ` (?:${alt(words`di persona, direttamente, personalmente`)} )?${opt(alt(words`con, a, al, alla, all`))}${IT_NP}`,
  ],
  [words`vorrei, voglio, ho bisogno di, mi serve, c e, ce, c e un, ce un, si puo avere, posso avere, potrei avere`, ` ${IT_NP}`],
  // "Fatemi contattare da una persona vera", "mi fate richiamare da una persona".
  [
    words`fatemi, mi fate, mi potete, potete farmi, fate, farmi`,
    ` ${alt(words`contattare, richiamare, chiamare, ricontattare, telefonare`)} da (?:${IT_NP}|qualcuno)`,
  ],
  [words`potete, puoi, puo, potreste, potrebbe`, ` ${alt(words`richiamarmi, chiamarmi, ricontattarmi`)}\\b`],
  // "Chiedo di essere contattato telefonicamente da un vostro responsabile", "un appuntamento con un consulente".
  [
    words`essere`,
    ` ${alt(words`contattato, contattata, richiamato, richiamata, chiamato, chiamata, ricontattato, ricontattata`)}(?: telefonicamente)? da ${IT_NP}`,
  ],
  [words`appuntamento con, incontro con, colloquio con, chiamata con, videochiamata con`, ` ${IT_NP}`],
  [words`appuntamento`, `(?: [a-z]+){1,3} con ${IT_NP}`],
  [words`fatemi parlare, fammi parlare, mi fate parlare`, ` ${opt(alt(words`con, col, coi, al, alla`))}(?:${IT_NP}|qualcuno)`],
  [words`passata a, passato a, trasferita a, trasferito a, spiegarlo a, spiegare a, parlarne con`, ` ${IT_NP}`],
  [words`numero diretto del, numero del, numero diretto di, numero di`, ` (?:mio |nostro )?${alt(IT_NOUNS)}\\b`],
  [words`richiamatemi, chiamatemi, ricontattatemi`, `\\b`],
  [
    words`qualcuno, qualcuno di reale, qualcuno di vero`,
    `(?: ${alt(words`del vostro staff, del vostro team, di voi, dello staff, del servizio clienti`)})? ` +
      `(?:mi (?:puo|potrebbe) ${alt(words`chiamare, richiamare, contattare, telefonare, aiutare`)}|${opt('mi')}(?:puo|potrebbe) ${alt(words`richiamarmi, chiamarmi, aiutarmi, rispondere, telefonarmi, contattarmi`)})\\b`,
  ],
  [words`qualcuno`, ` ${alt(words`e disponibile, in carne e ossa, di reale, di vero`)}\\b`],
  [words`voglio parlare con, vorrei parlare con, posso parlare con, devo parlare con, mi serve parlare con, ho bisogno di parlare con`, ` qualcuno\\b`],
  // "A chi posso rivolgermi?", "Come posso contattare un operatore?"
  [words`a chi, con chi`, ` ${alt(words`posso, devo, potrei`)} ${alt(words`rivolgermi, parlare, chiedere`)}\\b`],
  [words`come`, ` (?:${alt(words`posso, faccio a`)} )?${alt(words`contattare, parlare con, raggiungere, sentire`)} ${IT_NP}`],
  [words`c e, ce, c e ancora, ce ancora`, ` qualcuno(?: ${alt(words`li, la, in linea, disponibile`)})?$`],
];
const IT_BARE = `(?:${alt(words`ciao, salve, buongiorno, per favore`)} ){0,2}${IT_NP}(?: ${alt(words`per favore, grazie, subito`)})*`;

// ---- Compiled grammar ----------------------------------------------------------------------

// ---- Dutch ---------------------------------------------------------------------------------

const NL_NP = `(?:(?:${alt(words`een, de, het, uw, jullie`)}) )?(?:${alt(words`echte, echt, menselijke, andere`)} )?${alt(
  words`medewerker, medewerkers, mens, persoon, agent, adviseur, klantenservicemedewerker, klantenservice, klantendienst, supervisor, manager, leidinggevende, iemand`,
)}${NOUN_END}`;
const NL_RULES: readonly Rule[] = [
  // "Ik wil graag iemand spreken van de klantenservice", "kan ik een medewerker spreken?"
  [words`ik wil, wil ik, ik zou, zou ik, kan ik, mag ik, kunt u`, ` (?:graag )?${NL_NP}(?: van [a-z]+(?: [a-z]+)?)? ${alt(words`spreken, bellen, aan de lijn krijgen, aan de lijn`)}\\b`],
  [words`ik wil, wil ik, ik zou, zou ik, kan ik, mag ik`, ` (?:graag )?met ${NL_NP} ${alt(words`spreken, praten, chatten, bellen`)}\\b`],
  [words`spreken met, praten met, chatten met, doorverbinden met, verbinden met, doorverbonden worden met`, ` ${NL_NP}`],
  [words`niet, geen`, ` (?:${alt(words`de, een, met de, met een`)} )?${alt(words`chatbot, bot, robot`)}\\b`],
  [words`teruggebeld worden door, gebeld worden door, geholpen worden door, afspraak met, gesprek met, belafspraak met`, ` ${NL_NP}`],
  [words`is er`, ` ${NL_NP}(?: ${alt(words`beschikbaar, aanwezig, online`)})?\\b`],
];

/**
 * The request rules compiled per first word: a clause is scanned word by word and only a word
 * that can open a rule ("talk", "quiero", "mit"...) runs a sticky regex at its position, which
 * keeps the cost independent of the grammar's size.
 */
const RULES_BY_FIRST_WORD: ReadonlyMap<string, RegExp> = compileRules([
  ...EN_RULES,
  ...ES_RULES,
  ...FR_RULES,
  ...DE_RULES,
  ...PT_RULES,
  ...IT_RULES,
  ...NL_RULES,
]);

function compileRules(rules: readonly Rule[]): Map<string, RegExp> {
  const byWord = new Map<string, string[]>();
  for (const [leads, rest] of rules) {
    const leadsByWord = new Map<string, string[]>();
    for (const lead of leads) {
      const first = lead.split(' ', 1)[0];
      leadsByWord.set(first, [...(leadsByWord.get(first) ?? []), lead]);
    }
    for (const [first, firstLeads] of leadsByWord) {
      byWord.set(first, [...(byWord.get(first) ?? []), `${alt(firstLeads)}${rest}`]);
    }
  }
  return new Map(
    [...byWord].map(([first, patterns]) => [
      first,
      new RegExp(patterns.map((p) => `(?:${p})`).join('|'), 'y'),
    ]),
  );
}
const BARE = new RegExp(`^(?:${[EN_BARE, ES_BARE, FR_BARE, DE_BARE, PT_BARE, IT_BARE].join('|')})$`);

/** Cheap first pass: a clause without any human noun (or "escalate") cannot be a request. */
const HINT = new RegExp(
  alt([
    ...new Set(
      [
        ...EN_BROAD, ...ES_BROAD, ...FR_BROAD, ...DE_NOUNS, ...PT_BROAD, ...IT_NOUNS, 'personne', 'jemand', 'escalate',
        'call', 'rappelez', 'recontactez', 'qualcuno', 'talk', 'speak', 'chat', 'phone', 'ring', 'escalated', 'llame', 'rappelle', 'rufen', 'ruckruf', 'ligar', 'ligue', 'richiam', 'chiamat', 'llamenme', 'llameme', 'llamame', 'contatt', 'contato', 'contacto', 'contacte', 'berater', 'appuntamento', 'reuniao', 'sum1', 'some1', 'durchwahl', 'nummer', 'techn', 'engin', 'colleag', 'whoever', 'number', 'line', 'appointment', 'zoom', 'meeting', 'teamleit', 'kontaktaufnahme', 'termin', 'fatemi', 'vea', 'cita', 'retorno', 'whoever', 'billing', 'claims', 'coordinat', 'melden', 'weiterleit', 'capo', 'dirigent', 'entreten', 'jaser', 'rendez', 'rdv', 'escalad', 'transmis', 'membre', 'fetch', 'csr', 'human', 'irgendwer', 'eskalier', 'devolv', 'alguem', 'atendimento', 'videochiam', 'relation', 'disponib', 'escal', 'verbind', 'reden', 'sprechen', 'atiend', 'comuni', 'spreken', 'praten', 'iemand', 'medewerker', 'chatbot', 'head of', 'con quien', 'a quien', 'a qui', 'an wen', 'mit wem', 'a chi', 'con chi', 'com quem', 'bot', 'robo', 'maquina', 'machine', 'maschine', 'macchina', 'setor', 'departamento', 'rendez', 'derriere', 'erreiche', 'kontaktiere', 'rappeler', 'teruggebeld', 'afspraak', 'gesprek', 'klantenservice', 'assistenza', 'atiende', 'mens', 'persoon', 'adviseur', 'leidinggevende',
      ].map(
        (n) => n.slice(0, 6),
      ),
    ),
  ]),
);

// ---- Negation ------------------------------------------------------------------------------

/** Words just before a request verb that make it a refusal or a past event: "I don't need", "I had to talk". */
const NEGATORS: ReadonlySet<string> = new Set(
  words`
    than, hatte, hatten,
    had, used, dont, doesnt, didnt, not, never, wont, wouldnt, shouldnt, without, neither, nor, nunca,
    jamas, tampoco, ni, sin, ne, n, pas, jamais, sans, aucun, aucune, nicht, nie, niemals, kein, keine,
    keinen, keinem, ohne, nem, sem, non
  `,
);
/** "no"/"não" negate a following verb ("no quiero", "não preciso", "no need"), not an interjection ("no, a human"). */
const NO_WORDS: ReadonlySet<string> = new Set(words`no, nao`);
const NEGATED_AFTER_NO: ReadonlySet<string> = new Set(
  words`
    need, quiero, necesito, quisiera, deseo, prefiero, me, hace, es, quero, preciso, gostaria, desejo,
    queria, prefiro, e
  `,
);
/**
 * Words that close the scope of an earlier negation: "if you don't know, let me talk to a human",
 * "I don't know how to reach a person".
 */
const SCOPE_BREAKS: ReadonlySet<string> = new Set(
  words`
    then, so, please, just, otherwise, let, because, if, but, how, pero, mais, aber, mas, entonces, alors,
    dann, entao, sinon, sino, senao, sonst
  `,
);
/** "Why don't you connect me to an agent?" is a request, not a refusal. */
const WHY: ReadonlySet<string> = new Set(words`why, pourquoi, warum, porque`);
const NEGATION_WINDOW = 4;

function isNegated(before: readonly string[], firstMatchWord: string): boolean {
  if (before.some((word) => WHY.has(word))) return false;
  let start = Math.max(0, before.length - NEGATION_WINDOW);
  for (let i = before.length - 1; i >= start; i--) {
    if (SCOPE_BREAKS.has(before[i])) {
      start = i + 1;
      break;
    }
  }
  for (let i = start; i < before.length; i++) {
    const word = before[i];
    if (NEGATORS.has(word)) return true;
    if (NO_WORDS.has(word) && NEGATED_AFTER_NO.has(before[i + 1] ?? firstMatchWord)) return true;
  }
  return false;
}

// ---- Normalisation -------------------------------------------------------------------------

/** Each line: the right spelling, then the misspellings and shorthands that mean it. */
const TYPOS: ReadonlyMap<string, string> = new Map(
  `
  human: humen hooman humam huamn humna hman
  person: persn peson preson perosn
  agent: agnet aegnt
  representative: represenative representitive reprensentative
  someone: sum1 some1 smone
  que: q
  operator: opperator operater
  someone: somone somneone someome
  somebody: sombody
  talk: tlak
  talking: talkint talkin
  with: wth wiht
  speak: speek spk
  you: u
  your: ur
  to: 2
  people: ppl
  through: thru thro
  `
    .trim()
    .split('\n')
    .flatMap((line) => {
      const [right, wrongs] = line.split(':');
      return wrongs
        .trim()
        .split(' ')
        .map((wrong): [string, string] => [wrong, right.trim()]);
    }),
);

const squeeze = (word: string): string => word.replace(/(.)\1+/g, '$1');
const SQUEEZED: ReadonlyMap<string, string> = new Map([...vocabulary].map((word) => [squeeze(word), word]));

function hasDoubledLetter(word: string): boolean {
  for (let i = 1; i < word.length; i++) if (word.charCodeAt(i) === word.charCodeAt(i - 1)) return true;
  return false;
}

function canonicalWord(word: string): string {
  if (vocabulary.has(word)) return word;
  const fixed = TYPOS.get(word);
  if (fixed !== undefined) return fixed;
  if (!hasDoubledLetter(word)) return word;
  return SQUEEZED.get(squeeze(word)) ?? word;
}

const CLAUSE_BREAK = /[.!?;:,\n\r()[\]{}"¿¡…|/\\]+/;
const NOT_WORD = /[^a-z0-9]+/g;

/** Words in double quotes are mentioned, not said: the so-called "specialist", tried to "speak to the manager". */
const QUOTED = /["“”«»]([^"“”«»]{1,60})["“”«»]/g;

function clausesOf(text: string): string[] {
  const unquoted = text.replace(QUOTED, (quote, inner: string) => (quote.length >= text.trim().length ? inner : ' quoted '));
  const folded = foldText(unquoted).replace(ELIDED, '$1 ').replace(/'/g, '');
  const clauses: string[] = [];
  for (const raw of folded.split(CLAUSE_BREAK)) {
    const clause = raw.replace(NOT_WORD, ' ').trim();
    // "representative representative REPRESENTATIVE" is one word said three times.
    if (clause) clauses.push(clause.split(' ').map(canonicalWord).join(' ').replace(/\b(\w+)(?: \1\b)+/g, '$1'));
  }
  return clauses;
}

/**
 * Turning the bot down is asking for a person: "I don't want to talk to a bot", "no more bots",
 * "stop sending me automated replies". "I'm not a bot" (a captcha) is not.
 */
const REFUSES_BOT = new RegExp(
  `(?:^| )(?:${alt(words`dont, do not, dont wanna, do not wanna, no longer`)} ${alt(words`want, wish, need`)} ` +
    `(?:to ${alt(words`talk, speak, chat, deal`)} ${alt(words`to, with`)} )?` +
    `|${alt(words`no more, enough with, enough of, im done with, i am done with, sick of, tired of, fed up with, stop with, stop sending me, stop sending`)} )` +
    `${opt(alt(words`a, the, this, that, your, these, another, some, talking to a, talking to the, talking to your`))}` +
    `${alt(words`bot, bots, chatbot, chatbots, robot, robots, machine, automated replies, automated responses, automated messages, canned responses, canned replies, scripted answers`)}(?: |$)`,
);

/** The same in other languages: "ya no quiero hablar con el bot", "je ne veux plus parler au robot". */
const REFUSES_BOT_ELSEWHERE = new RegExp(
  `(?:^| )${alt(
    words`
      no quiero, ya no quiero, no deseo, je ne veux pas, je ne veux plus, je veux plus, je veux pas, ich mochte nicht,
      ich will nicht, ich mochte nicht mehr, ich will nicht mehr, non voglio, non voglio piu, nao quero, nao quero mais,
      ik wil niet, ik wil niet meer
    `,
  )}(?: [a-z]+){0,3} ${alt(words`bot, robot, robo, chatbot, maquina, machine, maschine, macchina, automaat`)}(?: |$)`,
);

/** "Call me asap", "please phone me back": an order to call, the whole clause. */
/** What may open an order that is the whole clause: "please", "hi", "can you"... */
const ORDER_LEAD = `^(?:${alt(words`please, pls, plz, kindly, just, hi, hello, hey, ok, so, can you, could you`)} )*`;

const CALL_ME_ORDER = new RegExp(
  `${ORDER_LEAD}${alt(words`call, phone, ring`)} ${alt(words`me, us`)}` +
    `(?: back)?(?: ${alt(words`please, asap, now, today, urgently, right away, when you can, on this number`)})*$`,
);

/** "Transfer me now", "connect me please": an order to pass the chat on, the whole clause. */
const TRANSFER_ME_ORDER = new RegExp(
  `${ORDER_LEAD}${alt(words`transfer, connect, escalate`)} ${alt(words`me, us, this, the chat`)}` +
    `(?: ${alt(words`please, asap, now, right now, immediately, already, to someone, to somebody`)})*$`,
);

function clauseRequestsHuman(clause: string): boolean {
  if (REFUSES_BOT.test(clause) || REFUSES_BOT_ELSEWHERE.test(clause)) return true;
  if (CALL_ME_ORDER.test(clause) || TRANSFER_ME_ORDER.test(clause)) return true;
  if (!HINT.test(clause)) return false;
  if (BARE.test(clause)) return true;
  const tokens = clause.split(' ');
  let offset = 0;
  for (let i = 0; i < tokens.length; offset += tokens[i].length + 1, i++) {
    const rule = RULES_BY_FIRST_WORD.get(tokens[i]);
    if (rule === undefined) continue;
    rule.lastIndex = offset;
    if (rule.test(clause) && !isNegated(tokens.slice(0, i), tokens[i])) return true;
  }
  return false;
}

// ---- Asking to be called, or for a person to handle the case -------------------------------

/*
 * Asking to be phoned is asking for a person, however the request is framed: "I would be grateful
 * if a member of your team could ring me", "could the person who wrote to me last week please
 * contact me directly?", "gostaria que um assistente me ligasse". Read per sentence, since the
 * person may be far from the verb: a call verb aimed at me or us ("contact me" only with a person
 * or "directly", "by phone"), a word that asks, and nothing before the verb that tells a story or
 * says no ("they said someone would call me", "nobody called me back", "you can call me on...").
 */
const CALL_ME_EN = `(?:${alt(words`call, ring, phone, telephone, call back`)} ${alt(words`me, us`)}(?: back)?(?= ${alt(
  words`
    back, on, at, asap, today, tomorrow, tonight, now, please, pls, when, whenever, as, urgently, right, directly,
    again, before, after, between, in, this, about, regarding, re, to, from, during, anytime, any, if, so, or, and,
    within, by, sometime, later, personally, thanks, thank
  `,
)}\\b|$)|give ${alt(words`me, us`)} (?:a )?(?:quick |short |brief )?${alt(words`call, ring, bell, buzz, phone call, tinkle`)}\\b|(?:phone )?${alt(
  words`call, call back, callback`,
)} from ${alt(words`a, an, the, one, someone, somebody, your, any`)}\\b)`;
const CALL_ME_ELSEWHERE = alt(
  words`
    me llame, me llamen, me llamara, me llamaran, me llamase, me contacte, me contacten, me contactara, me telefonee,
    llamarme, llamarnos, contactarme, contactarnos, nos llamen, nos contacten,
    me rappelle, me rappellent, me rappeler, me appelle, me appellent, me appeler, me contacte, me contacter,
    me telephone, me telephoner, nous rappeler, nous contacter, m appeler, m appelle, m appellent, m appeliez,
    m telephoner, appelez moi, rappelez moi, contactez moi, telephonez moi, appelle moi, rappelle moi,
    llamame, llameme, llamenme, contactame, contacteme, contactenme,
    chiamatemi, richiamatemi, contattatemi, chiamami, richiamami, contattami, me liga, liga me, liguem me,
    mich anrufen, mich anruft, mich zuruckrufen, mich zuruckruft, mich kontaktieren, mich kontaktiert,
    uns anrufen, uns zuruckrufen, uns kontaktieren, ruft mich an, rufen mich an, ruf mich an, ruft mich zuruck,
    rufen mich zuruck, ruf mich zuruck, rufen sie mich an, rufen sie mich zuruck, mich bitte anrufen,
    mich bitte zuruckrufen, mich bitte kontaktieren,
    chiamarmi, richiamarmi, contattarmi, chiamarci, contattarci, mi chiami, mi chiamate, mi richiami,
    mi richiamate, mi contatti, mi contattate, mi telefoni, mi telefonate,
    me ligue, me liguem, me ligasse, me ligassem, me ligar, me contacte, me contactem, me contate, me contatem,
    me contactasse, me contatasse, me contatar, me contactar, me telefone, ligar me, contactar me, contatar me,
    mij bellen, mij terugbellen, mij opbellen, me terugbellen, ons bellen, ons terugbellen, bel mij, bel me, belt mij, belt me,
    anipigie, nipigie, mnipigie, nipigiwe, teruggebeld worden, gebeld worden
  `,
);
const CONTACT_ME = `(?:${alt(words`contact, reach`)} ${alt(words`me, us`)}|${alt(words`get in touch, be in touch, reach out, get back to me, get back to us`)})`;
const CONTACT_PERSON = alt(
  words`
    someone, somebody, anyone, anybody, a member, members, one of your, the person, a person, person who,
    colleague, colleagues, staff, agent, advisor, adviser, rep, representative, manager, supervisor, specialist,
    technician, engineer, officer, consultant, expert, human, lady, gentleman, mr, mrs, ms, dr, he, she, they,
    team, people, folks, directly, personally, by phone, by telephone, on the phone, over the phone
  `,
);
const ASKING = alt(
  words`
    please, pls, plz, kindly, must, should, need, needs, want, wants, like, grateful, appreciate, possible,
    arrange, ask, request, requesting, expect, expecting, maybe, perhaps, make, abeg, naomba,
    por favor, puede, podria, podrian, pueden, quiero, quisiera, necesito, solicito, solicitar, pido, pedir, ruego,
    gustaria, podemos, podriamos, svp, sil vous plait, pourriez, pouvez, pourrait, pourrions, voudrais, aimerais,
    prefererais, souhaite, souhaiterais, merci de, possiamo, potremmo, poderiamos, kunnen, zouden,
    bitte, konnen, konnten, konnte, mochte, per favore, potete, potreste, puo, potrebbe, vorrei, chiedo,
    gostaria, pode, podem, poderia, poderiam, peco, favor, quero, kunt, kan, wil, graag, alstublieft,
    agradeceria, agradeceriamos, posible, possivel, possibile, moglich, prego, cortesemente, per cortesia,
    deseo, desejo, desidero, ich wunsche, ai besoin qu, preciso que, necessito que, necesito que, ho bisogno che
  `,
);
/**
 * "Could someone...", "can you...": a modal asks only before its subject ("you can call me on..."
 * does not), and not after a question word ("what time will the courier call me?").
 */
const MODAL = alt(words`could, can, would, will, may`);
const ASKING_MODAL = `${MODAL}(?<!\\b${alt(words`what, when, why, how, where, which, who`)}(?: [a-z]+)? ${MODAL}) (?:${alt(words`please, kindly, maybe, possibly, just`)} )?${alt(
  words`you, u, someone, somebody, anyone, anybody, a, an, the, one, your, some, any, he, she, they, we, i, mr, mrs, ms, dr, my, this, it, our`,
)}`;
const TOLD_OR_REFUSED = alt(
  words`
    if you need, if you have, if you want, if you require, feel free, you can, you may, said, told, promised,
    supposed, was going, were going, never, nobody, no one, noone, didnt,
    did not, hasnt, has not, havent, have not, wasnt, werent, dont, do not, doesnt, does not, no need, instead of,
    stop, nadie, nunca, ninguem, nessuno, jamais, niemand, nie, personne ne, ne pas, no me, nao me, non mi
  `.concat(['(?:would|should|could) have(?! a (?:quick )?look)', 'non (?:mi |ci )?(?:chiam|richiam|contatt|telefon)[a-z]*']),
);
const CALL_ME = new RegExp(`\\b(?:${CALL_ME_EN}|${CALL_ME_ELSEWHERE})\\b`);
const CONTACT_ME_RE = new RegExp(`\\b${CONTACT_ME}\\b`);
const CONTACT_PERSON_RE = new RegExp(`\\b${CONTACT_PERSON}\\b`);
const ASKING_RE = new RegExp(`\\b(?:${ASKING}|${ASKING_MODAL})\\b|^(?:please )?(?:give (?:me|us)|gimme)\\b`);
const TOLD_OR_REFUSED_RE = new RegExp(`\\b${TOLD_OR_REFUSED}\\b`);

/*
 * Asking that a person, not the bot, handle the case is asking for a person, in any language:
 * "I would like this to be reviewed by a real person", "can my case be assigned to a case
 * manager?", "merci de transmettre ma demande à un conseiller", "quisiera que un agente revisara mi
 * caso", "ich möchte, dass sich ein Mitarbeiter bei mir meldet". Read per sentence, with the same
 * guards as a request to be phoned: a word that asks, nothing before that tells a story or says no.
 */
const ANY_DET = alt(
  words`
    a, an, the, one of your, one of the, some, your, un, una, une, uno, um, uma, el, la, le, il, lo, o, los, las,
    les, einen, einem, einer, eine, ein, den, dem, der, die, een, de, het, uw, su, sus, votre, vos, vostro, vostra,
    seu, sua, ihren, ihrem, ihrer, ihr, al, au, ao, alla, all, del, della, do, da, dos, das, l
  `,
);
const ANY_ADJ = alt(
  words`
    real, actual, live, human, senior, qualified, competent, responsible, dedicated, echten, echter, echte,
    zustandigen, zustandige, verdadero, verdadera, vrai, vraie, vero, vera, verdadeiro, verdadeira
  `,
);
const ANY_PERSON = alt(
  words`
    human, human being, person, agent, member of staff, staff member, member of your staff, member of the team,
    member of your team, representative, customer service representative, rep, advisor, adviser, manager,
    supervisor, officer, case manager, account manager, specialist, consultant, colleague, someone, somebody,
    humano, ser humano, persona, agente, asesor, asesora, responsable, encargado, encargada, gerente, ejecutivo,
    ejecutiva, alguien, pessoa, atendente, gestor, consultor, alguem, humain, etre humain, une personne,
    la personne, des personnes, conseiller,
    conseillere, quelquun, quelqu un, mensch, menschen, mitarbeiter, mitarbeiterin, sachbearbeiter,
    sachbearbeiterin, berater, beraterin, jemand, jemanden, operatore, operatrice, consulente, responsabile,
    qualcuno, essere umano, medewerker, mens, iemand, persoon
  `,
);
const PERSON_NP = `(?:${ANY_DET} )?(?:${ANY_ADJ} )?${ANY_PERSON}(?: ${alt(words`humano, humana, real, reale, umano, umana, humain, humaine, echt`)})?`;
/** Passed on to a person or handled by one: "reviewed by a real person", "transmettre ma demande à un conseiller". */
const BY_A_PERSON = new RegExp(
  `\\b${alt(
    words`
      handled, reviewed, looked at, examined, dealt with, seen, assessed, taken over, picked up, assigned, escalated,
      passed, forwarded, transferred, referred, forward, escalate, assign, refer, pass, contacted, called back, phoned,
      leiten, leiten sie,
      transmettre, transmis, transmise, transferer, confier, confie, transmitir, pasar, derivar, revisado, revisada,
      examinado, atendido, atendida, gestionado, analizado, analisado, analisada, revisto, tratado, atendido,
      weiterleiten, weitergeleitet, ubergeben, bearbeitet, gepruft, passare, inoltrare, trasferire, esaminata,
      esaminato, gestita, gestito, seguita, seguito, doorsturen, doorgestuurd, bekeken, behandeld
    `,
  )}\\b(?: [a-z]+){0,3} ${alt(words`by, to, por, par, a, an, da, door, aan`)} ${PERSON_NP}\\b`,
);
/** A passive already done ("it was reviewed by a manager") asks nothing. */
const DONE_BEFORE = new RegExp(`\\b${alt(words`was, were, been, got, already, is being`)} $`);

/** A person doing the handling: "a human could have a look at my claim", "que un agente revisara mi caso". */
const A_PERSON_DOES = new RegExp(
  `\\b${PERSON_NP}(?: (?!${alt(words`and, but, then, was, were, has, had, y, et, und, e`)}\\b)[a-z]+){0,5} ${alt(
    words`
      have a look, take a look, look at, look into, review, examine, handle, take over, pick up, deal with, contacts me,
      pick this up, pick it up, take this on, take it on,
      revise, revisara, revisase, revisen, examine, examinara, atienda, atiendan, atendiera, contacte, contactara,
      contactase, contacten, llame, llamara, llamase, llamen, se comunique, se ponga en contacto,
      examine, examinent, regarde, traite, recontacte, recontactent, rappelle, rappellent, prenne en charge, s occupe,
      meldet, melde, anruft, zuruckruft, kontaktiert, pruft, bearbeitet, ansieht, kummert,
      ricontattasse, ricontatti, contatti, contattasse, richiami, richiamasse, esamini, gestisca, segua, occupi,
      ligue, ligasse, entre em contato, entre em contacto, contacte, contate, contatasse, analise, atenda, trate, cuide,
      terugbelt, belt, contact opneemt, bekijkt
    `,
  )}\\b`,
);
/** "Arrange for me to discuss this with someone in person". */
const DISCUSS_WITH_A_PERSON = new RegExp(
  `\\b${alt(words`discuss, go over, go through, sort, sort out, explain`)}(?: [a-z]+){0,4} with ${PERSON_NP}\\b`,
);

/**
 * Per sentence: a request to be phoned, or for a person to handle the case, asked for (a word that
 * asks) and not told or refused before it.
 */
/** Cheap first pass: every reading above needs a call verb or a person. */
const CALL_OR_PERSON_HINT = new RegExp(
  alt(
    words`
      call, ring, phone, telefon, telephon, contact, touch, reach, bell, buzz, tinkle, llam, rappel, appel, anruf,
      ruckruf, kontakt, chiam, contatt, ligu, ligar, ligas, bel m, belt m, pigie, comuni, human, person, agent,
      staff, member, rep, advis, manag, supervis, officer, specialist, consultant, colleague, someone, somebody,
      alguien, alguem, quelqu, jemand, qualcuno, iemand, mensch, mitarbeit, berater, sachbearbeit, operat,
      consult, respons, conseill, asesor, gerente, encargad, ejecutiv, atendente, gestor, medewerker, mens, pessoa,
      persoon,
      humain, humano, umano
    `,
  ),
);

/** Folded for reading per sentence: quoted words are mentioned, elided articles words of their own, hyphens spaces. */
function foldForSentences(text: string): string {
  return foldText(text.replace(QUOTED, ' quoted '))
    .replace(ELIDED, '$1 ')
    .replace(/['-]/g, (mark) => (mark === '-' ? ' ' : ''));
}

/** The sentences of a folded message, each as words and single spaces. */
const sentencesOf = (folded: string): string[] =>
  folded.split(/[.!?\n;]+/).map((raw) => raw.replace(NOT_WORD, ' ').replace(/ +/g, ' ').trim());

function asksForAPerson(text: string): boolean {
  const folded = foldForSentences(text);
  if (!CALL_OR_PERSON_HINT.test(folded)) return false;
  return sentencesOf(folded).some((sentence) => {
    if (!CALL_OR_PERSON_HINT.test(sentence) || !ASKING_RE.test(sentence)) return false;
    const unrefused = (match: RegExpExecArray | null): boolean =>
      match !== null && !TOLD_OR_REFUSED_RE.test(sentence.slice(0, match.index + match[0].length));
    // A person asked to handle the case: the asking comes no later than the person and the verb ("I'd
    // like this reviewed by a person", "someone please review my claim").
    const asked = (match: RegExpExecArray | null): boolean =>
      match !== null && unrefused(match) && ASKING_RE.test(sentence.slice(0, match.index + match[0].length));
    const handedOver = (match: RegExpExecArray | null): boolean =>
      match !== null && asked(match) && !DONE_BEFORE.test(sentence.slice(0, match.index));
    return (
      unrefused(CALL_ME.exec(sentence)) ||
      (unrefused(CONTACT_ME_RE.exec(sentence)) && CONTACT_PERSON_RE.test(sentence)) ||
      handedOver(BY_A_PERSON.exec(sentence)) ||
      asked(A_PERSON_DOES.exec(sentence)) ||
      asked(DISCUSS_WITH_A_PERSON.exec(sentence))
    );
  });
}

/** True when the visitor asks to be put in touch with a person, in English, Spanish, French, German, Italian, Portuguese or Dutch. */
export function detectHumanRequest(text: string): boolean {
  return clausesOf(text).some(clauseRequestsHuman) || asksForAPerson(text);
}

// ---- The request model's guard -------------------------------------------------------------

/** Asking what answers ("are you a bot or a person?", "am I chatting with a human?") is not asking for a person. */
const BOT_WORD = alt(words`bot, robot, ai, machine, chatbot, automated, robo, maquina, automatic, automatico, automatique`);
const PERSON_WORD = alt(words`person, human, agent, persona, humano, personne, humain, mensch, persoon, pessoa, someone, alguien`);
const OR_WORD = alt(words`or, ou, o, oder, of, ya`);
const IDENTITY_QUESTION = new RegExp(
  `\\b(?:${BOT_WORD} (?:[a-z]+ ){0,1}${OR_WORD} (?:[a-z]+ ){0,2}${PERSON_WORD}` +
    `|${PERSON_WORD} (?:[a-z]+ ){0,4}${OR_WORD} (?:${alt(words`is it, its, is this, it is, con, avec, mit, met, com`)} )?(?:${alt(words`all, just, only, a, an, un, una, une, um, uma, ein, een`)} )?${BOT_WORD}` +
    `|am i ${alt(words`talking, chatting, speaking, writing`)} ${alt(words`to, with`)}` +
    `|(?:are you|is this|r u|ru) (?:${alt(words`a, an`)} )?${alt(words`real, human, bot, robot, person, ai, machine`)})\\b`,
);

/**
 * Whether a message may ask for a person at all, the guard of the trained request model: some
 * sentence names a person or a call ("someone", "un conseiller", "ring", "Rückruf") and nothing in
 * it tells a story or says no ("they said someone would call", "please don't ring me"), and the
 * message does not ask whether it is talking to a bot.
 */
export function mayAskForAPerson(text: string): boolean {
  const sentences = sentencesOf(foldForSentences(text));
  if (sentences.some((sentence) => IDENTITY_QUESTION.test(sentence))) return false;
  return sentences.some(
    (sentence) => (HINT.test(sentence) || CALL_OR_PERSON_HINT.test(sentence)) && !TOLD_OR_REFUSED_RE.test(sentence),
  );
}
