// The retrieval eval set: the help centre of a fictional online shop with subscriptions, and
// visitors' questions about it. Most questions are paraphrases that share few words with the
// article that answers them (where vectors should help); `unanswerable` questions have no article.

export interface EvalArticle {
  key: string;
  title: string;
  body: string;
}

export interface EvalQuestion {
  question: string;
  /** The article that answers it. */
  article: string;
}

export const ARTICLES: EvalArticle[] = [
  {
    key: 'refunds',
    title: 'Requesting a refund',
    body: `# Requesting a refund

You can request a refund within 30 days of delivery. Open Orders, choose the order and click "Request refund". Tell us why, so we can improve.

## When the money arrives

Refunds are paid to the original payment method. Card refunds appear within 5 business days; PayPal refunds within 24 hours. Bank transfers can take up to 10 days.

## Partial refunds

If only some items of an order come back, only those items are refunded. Shipping costs are refunded when the whole order is returned because of our mistake.`,
  },
  {
    key: 'returns',
    title: 'Returning an item',
    body: `# Returning an item

Items can be sent back within 30 days of delivery, unused and in their original packaging.

## How to send it

Print the prepaid return label from your order page and drop the parcel at any post office. Keep the receipt until the return is processed.

## Items that cannot be returned

Gift cards, opened software and personalised products cannot be sent back.`,
  },
  {
    key: 'shipping-times',
    title: 'Delivery times',
    body: `# Delivery times

Standard delivery takes 3 to 5 business days within the EU. Express delivery arrives the next business day when ordered before 2 pm.

## Outside the EU

International parcels take 7 to 14 days and may be held by customs.`,
  },
  {
    key: 'shipping-costs',
    title: 'Shipping costs',
    body: `# Shipping costs

Standard shipping is free on orders above 50 euros; below that it costs 4.90 euros. Express shipping costs 9.90 euros whatever the order value. International shipping is priced at checkout by destination and weight.`,
  },
  {
    key: 'tracking',
    title: 'Tracking your parcel',
    body: `# Tracking your parcel

As soon as your parcel leaves our warehouse we e-mail you a tracking link. You can also find it under Orders, next to the order. Tracking can take up to 24 hours to show the first scan.`,
  },
  {
    key: 'lost-parcel',
    title: 'A parcel is late or lost',
    body: `# A parcel is late or lost

If tracking has not moved for 5 business days, or the carrier marks the parcel as delivered but you do not have it, contact us with your order number. We open an investigation with the carrier and send a replacement or a refund within 10 days.`,
  },
  {
    key: 'password-reset',
    title: 'Resetting your password',
    body: `# Resetting your password

On the sign-in page click "Forgot password" and enter your e-mail address. We send a link that is valid for one hour. Choose a new password of at least 10 characters.

If the e-mail does not arrive, check your spam folder or ask for a new link after 5 minutes.`,
  },
  {
    key: 'two-factor',
    title: 'Two-step verification',
    body: `# Two-step verification

Turn on two-step verification under Settings → Security. After your password you then enter a 6-digit code from an authenticator app.

## Lost your phone

Use one of the recovery codes you saved when you turned it on. Without them, our team verifies your identity before turning the protection off, which takes up to 2 business days.`,
  },
  {
    key: 'change-email',
    title: 'Changing the e-mail address of your account',
    body: `# Changing the e-mail address of your account

Go to Settings → Profile and edit the e-mail field. We send a confirmation link to the new address; the change applies once you click it. Your order history stays with the account.`,
  },
  {
    key: 'delete-account',
    title: 'Deleting your account',
    body: `# Deleting your account

Go to Settings → Privacy and choose "Delete account". Active subscriptions are cancelled first. Your personal data is erased within 30 days, except invoices, which the law requires us to keep for 10 years.`,
  },
  {
    key: 'plans',
    title: 'Plans and prices',
    body: `# Plans and prices

Basic costs 5 euros a month and includes free standard shipping on every order. Plus costs 12 euros a month and adds express shipping, early access to sales and a 10% discount. Yearly billing gives two months free.`,
  },
  {
    key: 'upgrade',
    title: 'Upgrading or downgrading your plan',
    body: `# Upgrading or downgrading your plan

Switch plans under Settings → Subscription. An upgrade starts at once and you pay the difference for the rest of the billing period. A downgrade takes effect at the next renewal, so you keep your current benefits until then.`,
  },
  {
    key: 'cancel-subscription',
    title: 'Cancelling your subscription',
    body: `# Cancelling your subscription

Open Settings → Subscription and click "Cancel subscription". The plan stays active until the end of the period you paid for; nothing more is charged afterwards. You can resume before that date without losing your benefits.`,
  },
  {
    key: 'payment-methods',
    title: 'Payment methods',
    body: `# Payment methods

We accept Visa, Mastercard, American Express, PayPal, Apple Pay and SEPA direct debit. Cash on delivery is not offered.`,
  },
  {
    key: 'update-card',
    title: 'Updating your card details',
    body: `# Updating your card details

Go to Settings → Billing and click "Replace card". The new card is used for the next renewal and for orders from now on. An expired card is retried for 7 days before the subscription pauses.`,
  },
  {
    key: 'failed-payment',
    title: 'A payment was declined',
    body: `# A payment was declined

Declines usually come from the bank: insufficient funds, a card limit, or a security check on an unusual purchase. Try again after checking with your bank, or pay with another method. We never see why a bank declined a payment.`,
  },
  {
    key: 'invoices',
    title: 'Invoices',
    body: `# Invoices

Every order and renewal has an invoice under Settings → Billing → Invoices, as a PDF. To add a company name or VAT number, fill in Billing details before the purchase; issued invoices cannot be changed.`,
  },
  {
    key: 'double-charge',
    title: 'Charged twice',
    body: `# Charged twice

A second charge of the same amount is usually a pre-authorisation that your bank releases within 3 to 7 days. If both charges are still there after 7 days, send us a bank statement and we refund the duplicate.`,
  },
  {
    key: 'discount-codes',
    title: 'Discount codes',
    body: `# Discount codes

Enter a discount code in the basket, in the field "Promo code", before paying. One code per order; codes cannot be combined with sale prices or applied to an order already placed.`,
  },
  {
    key: 'gift-cards',
    title: 'Gift cards',
    body: `# Gift cards

Gift cards are sold from 10 to 500 euros and are valid for 3 years. They are redeemed at checkout and can pay for part of an order; the rest stays on the card. They cannot be exchanged for cash.`,
  },
  {
    key: 'order-change',
    title: 'Changing or cancelling an order',
    body: `# Changing or cancelling an order

An order can be changed or cancelled for 30 minutes after it is placed, from the order page. After that it is being packed; refuse the delivery or send it back instead.`,
  },
  {
    key: 'damaged-item',
    title: 'A damaged or faulty item',
    body: `# A damaged or faulty item

Send us photos of the item and its packaging within 14 days of delivery. We replace it free of charge, or refund it if it is out of stock. Products are covered by a 2-year warranty against manufacturing defects.`,
  },
  {
    key: 'address',
    title: 'Changing the delivery address',
    body: `# Changing the delivery address

Saved addresses are edited under Settings → Addresses. For an order already placed, the address can be changed only before it ships; contact us with the order number.`,
  },
  {
    key: 'privacy',
    title: 'Your data and privacy',
    body: `# Your data and privacy

We keep only the data needed for orders and support. You can download everything we hold about you under Settings → Privacy → Export. We never sell personal data to third parties.`,
  },
  {
    key: 'student-discount',
    title: 'Student discount',
    body: `# Student discount

Students get 15% off every order after verifying their status with a university e-mail address under Settings → Discounts. The verification lasts 12 months.`,
  },
];

export const QUESTIONS: EvalQuestion[] = [
  { question: 'When will I get my money back?', article: 'refunds' },
  { question: 'I sent stuff back, how long until the cash is on my card?', article: 'refunds' },
  { question: 'Can I be reimbursed for just one thing from my order?', article: 'refunds' },
  { question: 'How do I send something back?', article: 'returns' },
  { question: 'Can I return a personalised mug?', article: 'returns' },
  { question: 'How long does it take for my stuff to arrive?', article: 'shipping-times' },
  { question: 'I need it tomorrow, is that possible?', article: 'shipping-times' },
  { question: 'How long for a package to reach Canada?', article: 'shipping-times' },
  { question: 'Is postage free?', article: 'shipping-costs' },
  { question: 'What do you charge to send an order?', article: 'shipping-costs' },
  { question: 'Where is my package right now?', article: 'tracking' },
  { question: 'I never got a link to follow my order', article: 'tracking' },
  { question: 'The carrier says it arrived but nothing is at my door', article: 'lost-parcel' },
  { question: 'My order seems stuck, nothing has happened for a week', article: 'lost-parcel' },
  { question: "I can't log in, I forgot my credentials", article: 'password-reset' },
  { question: 'The link to set a new login never came', article: 'password-reset' },
  { question: 'How do I add an extra security code when signing in?', article: 'two-factor' },
  { question: 'I got a new phone and my authenticator is gone', article: 'two-factor' },
  { question: 'I want to use a different mailbox for my profile', article: 'change-email' },
  { question: 'Please remove all my information and close my profile', article: 'delete-account' },
  { question: 'How long do you keep my stuff after I leave?', article: 'delete-account' },
  { question: 'What does the membership cost?', article: 'plans' },
  { question: "What's the difference between Basic and Plus?", article: 'plans' },
  { question: 'Is paying annually cheaper?', article: 'plans' },
  { question: 'How do I move to a higher tier?', article: 'upgrade' },
  { question: 'If I go to a cheaper option, do I lose perks right away?', article: 'upgrade' },
  { question: 'How do I stop being billed every month?', article: 'cancel-subscription' },
  { question: 'I want to end my membership', article: 'cancel-subscription' },
  { question: 'Can I pay with Apple Pay?', article: 'payment-methods' },
  { question: 'Can I pay in cash when the courier comes?', article: 'payment-methods' },
  { question: 'My card expired, where do I put the new one?', article: 'update-card' },
  { question: 'Why was my purchase refused?', article: 'failed-payment' },
  { question: 'The checkout keeps rejecting my Visa', article: 'failed-payment' },
  { question: 'Where can I download a receipt for my company?', article: 'invoices' },
  { question: 'Can you put my VAT number on a bill you already sent?', article: 'invoices' },
  { question: 'I see the same amount taken from my bank two times', article: 'double-charge' },
  { question: 'Where do I type my voucher?', article: 'discount-codes' },
  { question: 'Can I use a promo on something already on sale?', article: 'discount-codes' },
  { question: 'Do gift vouchers run out?', article: 'gift-cards' },
  { question: 'Can I turn a present card into money?', article: 'gift-cards' },
  { question: 'I ordered the wrong size five minutes ago, can I fix it?', article: 'order-change' },
  { question: 'Can I still cancel what I bought this morning?', article: 'order-change' },
  { question: 'The product arrived broken', article: 'damaged-item' },
  { question: 'How long is the guarantee?', article: 'damaged-item' },
  { question: 'I moved, how do I ship to my new home?', article: 'address' },
  { question: 'Do you sell my information to advertisers?', article: 'privacy' },
  { question: 'Can I get a copy of everything you store about me?', article: 'privacy' },
  { question: "I'm at university, do I get a reduction?", article: 'student-discount' },
  { question: 'How do I get money off as a student?', article: 'student-discount' },
  { question: 'Refund for returned item within 30 days', article: 'refunds' },
];

/** Questions no article answers: the bot should hand off, not quote something unrelated. */
export const UNANSWERABLE: string[] = [
  'Do you have a physical store in Berlin?',
  'Are your products vegan?',
  'Can I book a video call with a stylist?',
  'What is the battery life of the speaker?',
  'Do you offer financing in instalments?',
  'Is there an app for Android?',
  'Can I bring my dog to the shop?',
  'Who is your CEO?',
  'Do you recycle old electronics?',
  'What size is the blue jacket?',
];
