// The held-out question set: other visitors' questions over the same articles as
// ./support-centre.ts, written before the knowledge-base mode's confidence was tuned and never
// used to tune it. The eval reports it next to the tuning set; a gap between the two says the
// confidence fits the tuning questions rather than visitors' questions.
import type { EvalQuestion } from './support-centre';

export const HELD_OUT_QUESTIONS: EvalQuestion[] = [
  { question: 'How many days until a PayPal refund comes through?', article: 'refunds' },
  { question: 'You sent me the wrong thing, do I get the delivery fee back too?', article: 'refunds' },
  { question: 'Is there a deadline for sending an item back?', article: 'returns' },
  { question: 'Do I pay for the return postage label?', article: 'returns' },
  { question: 'Can I send back software once the box is open?', article: 'returns' },
  { question: 'Do you deliver outside Europe, and how long does it take?', article: 'shipping-times' },
  { question: 'If I order at noon, when does express get here?', article: 'shipping-times' },
  { question: 'How much is express?', article: 'shipping-costs' },
  { question: 'From what amount is delivery free?', article: 'shipping-costs' },
  { question: 'How can I follow my parcel?', article: 'tracking' },
  { question: 'The tracking page shows nothing yet', article: 'tracking' },
  { question: 'My parcel never showed up', article: 'lost-parcel' },
  { question: "Tracking hasn't changed in ages, what now?", article: 'lost-parcel' },
  { question: 'Forgot my password', article: 'password-reset' },
  { question: "The reset e-mail isn't in my inbox", article: 'password-reset' },
  { question: 'How do I switch on 2FA?', article: 'two-factor' },
  { question: "I lost my phone and I don't have the backup codes", article: 'two-factor' },
  { question: 'How do I update my email?', article: 'change-email' },
  { question: 'Will my past orders disappear if I change my email?', article: 'change-email' },
  { question: 'How can I get rid of my account for good?', article: 'delete-account' },
  { question: 'Do you keep my invoices after I close the account?', article: 'delete-account' },
  { question: 'How much is Plus per month?', article: 'plans' },
  { question: 'Which subscription gets me early access to sales?', article: 'plans' },
  { question: 'If I upgrade halfway through the month, what do I pay?', article: 'upgrade' },
  { question: 'Can I go from Plus down to Basic?', article: 'upgrade' },
  { question: 'How do I cancel my subscription?', article: 'cancel-subscription' },
  { question: 'If I quit, do I keep my benefits until the end of the month?', article: 'cancel-subscription' },
  { question: 'Do you take Amex?', article: 'payment-methods' },
  { question: 'Is direct debit possible?', article: 'payment-methods' },
  { question: 'How do I change the card I pay with?', article: 'update-card' },
  { question: 'What happens when my card runs out?', article: 'update-card' },
  { question: 'Why does my bank keep declining the payment?', article: 'failed-payment' },
  { question: 'Where do I find my invoices?', article: 'invoices' },
  { question: 'I need a bill with my company name on it', article: 'invoices' },
  { question: 'I was billed twice for one order', article: 'double-charge' },
  { question: 'Can I stack two promo codes?', article: 'discount-codes' },
  { question: 'How long is a gift card good for?', article: 'gift-cards' },
  { question: 'How long do I have to cancel an order after placing it?', article: 'order-change' },
  { question: 'The lamp came cracked, what do I do?', article: 'damaged-item' },
  { question: 'Can I change where my order goes after paying?', article: 'address' },
  { question: 'Can I download my personal data?', article: 'privacy' },
  { question: 'How big is the student discount?', article: 'student-discount' },
];

/** Questions no article answers, or that only an agent who can see the order can answer. */
export const HELD_OUT_UNANSWERABLE: string[] = [
  'Do you have a loyalty points programme?',
  'Can I pick up my order from a parcel locker?',
  'Is your packaging recyclable?',
  'Can I change my username?',
  'Do you sell refurbished phones?',
  'What are your customer service opening hours?',
  'Do you offer gift wrapping?',
  'How do I leave a review for a product?',
  "What's the status of my order 4512?",
  'Has my refund for order 88231 been approved yet?',
];
