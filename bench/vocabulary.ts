import type { Role } from '../src/server/db/schema.ts';

/** A comma-separated word list as an array (keeps long lists compact under the formatter). */
function list(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The bench team: fixed, so the printed sign-in details are the same whatever the seed. */
export const TEAM: ReadonlyArray<{ name: string; role: Role; title: string; active: boolean }> = [
  { name: 'Alex Morgan', role: 'admin', title: 'Sales Operations Lead', active: true },
  { name: 'Priya Raman', role: 'manager', title: 'Head of Sales', active: true },
  { name: 'Marcus Webb', role: 'manager', title: 'Regional Sales Manager', active: true },
  { name: 'Elena Costa', role: 'manager', title: 'Sales Manager, EMEA', active: true },
  { name: 'Jordan Blake', role: 'sales', title: 'Senior Account Executive', active: true },
  { name: 'Sofia Lindqvist', role: 'sales', title: 'Account Executive', active: true },
  { name: 'Daniel Okafor', role: 'sales', title: 'Account Executive', active: true },
  { name: 'Hannah Becker', role: 'sales', title: 'Account Executive', active: true },
  { name: 'Mateo Alvarez', role: 'sales', title: 'Senior Account Executive', active: true },
  { name: 'Grace Liu', role: 'sales', title: 'Sales Development Representative', active: true },
  { name: 'Tomás Novak', role: 'sales', title: 'Account Executive', active: true },
  { name: 'Aisha Mensah', role: 'sales', title: 'Sales Development Representative', active: true },
  { name: 'Lucas Moreau', role: 'sales', title: 'Account Executive', active: true },
  { name: 'Chloe Turner', role: 'sales', title: 'Account Executive', active: true },
  { name: 'Ravi Patel', role: 'sales', title: 'Senior Account Executive', active: true },
  { name: 'Emma Schulz', role: 'sales', title: 'Sales Development Representative', active: true },
  { name: 'Noah Fischer', role: 'sales', title: 'Account Executive', active: true },
  { name: 'Yuki Tanaka', role: 'sales', title: 'Account Executive', active: true },
  { name: 'Olivia Brennan', role: 'sales', title: 'Account Executive', active: true },
  {
    name: 'Samuel Adeyemi',
    role: 'sales',
    title: 'Sales Development Representative',
    active: true,
  },
  { name: 'Isabel Romero', role: 'sales', title: 'Account Executive', active: true },
  { name: 'Ethan Clarke', role: 'sales', title: 'Account Executive', active: true },
  { name: 'Mia Kowalski', role: 'sales', title: 'Senior Account Executive', active: true },
  { name: 'Leo Santos', role: 'sales', title: 'Sales Development Representative', active: true },
  { name: 'Zara Hussain', role: 'sales', title: 'Account Executive', active: true },
  { name: 'Felix Wagner', role: 'sales', title: 'Account Executive', active: false },
  { name: 'Nina Petrova', role: 'sales', title: 'Sales Development Representative', active: false },
  { name: 'Oscar Hale', role: 'viewer', title: 'Chief Financial Officer', active: true },
  { name: 'Lena Vogel', role: 'viewer', title: 'Marketing Analyst', active: true },
  { name: 'Ben Carter', role: 'viewer', title: 'Finance Analyst', active: true },
];

/** Roughly by frequency: earlier names are picked more often (see Random.skewed). */
export const FIRST_NAMES = list(`
  John, Maria, James, Sarah, Michael, Anna, David, Laura, Robert, Emily, Joseph, Jessica,
  Daniel, Sophie, Thomas, Julia, Chris, Jennifer, Mark, Lisa, Jose, Joanna, Jonathan, Jordan,
  Joshua, Josephine, Joel, Jorge, Johan, Joan, Paul, Karen, Steven, Nicole, Kevin, Rachel,
  Brian, Amanda, Andrew, Olivia, Peter, Emma, Matthew, Hannah, Ryan, Chloe, Luis, Carmen,
  Ahmed, Fatima, Wei, Mei, Hiroshi, Yuki, Raj, Priya, Arjun, Ananya, Mohammed, Leila, Lukas,
  Lena, Jan, Katarzyna, Pierre, Camille, Giulia, Marco, Sven, Ingrid, Oliver, Charlotte, Henry,
  Amelia, Samuel, Grace, Benjamin, Zoe, Ethan, Ava, Liam, Isla, Noah, Mia, Lucas, Ella, Mateo,
  Valentina, Diego, Sofía, José, Zoë, Björn, Søren, Chinedu, Ngozi, Kwame, Amara, Dmitri, Olga,
  Tariq, Yasmin, Kenji, Aiko, Min-jun, Seo-yeon, Aleksander, Marta, Tobias, Freya
`);

export const LAST_NAMES = list(`
  Smith, Johnson, Garcia, Williams, Brown, Jones, Miller, Davis, Martinez, Lopez, Wilson,
  Anderson, Taylor, Thomas, Moore, Jackson, Martin, Lee, Thompson, White, Harris, Clark, Lewis,
  Robinson, Walker, Young, Allen, King, Wright, Scott, Hernandez, Gonzalez, Rodriguez, Perez,
  Sanchez, Ramirez, Torres, Flores, Rivera, Müller, Schmidt, Schneider, Fischer, Weber, Meyer,
  Wagner, Becker, Hoffmann, Dubois, Bernard, Lefebvre, Rossi, Russo, Ferrari, Esposito,
  Bianchi, Romano, Nowak, Kowalski, Wiśniewski, Novák, Svoboda, Horváth, Nagy, Jensen, Nielsen,
  Hansen, Johansson, Andersson, Larsen, Virtanen, O'Brien, Murphy, Kelly, Walsh, Wang, Li,
  Zhang, Chen, Liu, Yang, Huang, Tanaka, Suzuki, Sato, Kim, Park, Nguyen, Tran, Patel, Shah,
  Singh, Kumar, Gupta, Khan, Ali, Hassan, Okafor, Mensah, Adeyemi, Diallo, Silva, Santos,
  Oliveira, Costa, Pereira, Van der Berg, De Vries, Bakker, Ivanov, Petrov, Cohen, Levi,
  Fitzgerald, MacDonald, Campbell
`);

export const COMPANY_PREFIXES = list(`
  Acme, Apex, Blue, Bright, Cedar, Clear, Coastal, Crescent, Delta, Eagle, Evergreen, First,
  Golden, Granite, Harbor, Horizon, Iron, Keystone, Lakeside, Liberty, Maple, Meridian, Metro,
  Nimbus, North, Nova, Oak, Orbit, Pacific, Peak, Pine, Pioneer, Prime, Quantum, Redwood,
  Ridge, River, Silver, Sky, Solar, Sterling, Stone, Summit, Sun, Tidal, Titan, Trident, Union,
  United, Vertex, Vista, West, Willow, Zenith, Alpine, Atlas, Beacon, Cobalt, Falcon
`);

export const COMPANY_CORES = list(`
  Logistics, Systems, Labs, Foods, Health, Partners, Analytics, Software, Manufacturing,
  Energy, Consulting, Media, Retail, Dynamics, Networks, Robotics, Pharma, Capital, Insurance,
  Logic, Works, Solutions, Industries, Freight, Textiles, Design, Studios, Biotech, Telecom,
  Security, Cloud, Hospitality, Motors, Aerospace, Farms, Construction, Clinics, Education,
  Marine, Holdings
`);

export const LEGAL_SUFFIXES = [
  'Inc.',
  'LLC',
  'Ltd',
  'GmbH',
  'S.A.',
  'B.V.',
  'AG',
  'Co.',
  '',
  '',
  '',
];

export const COMPANY_TLDS = ['com', 'com', 'com', 'io', 'co', 'de', 'co.uk', 'fr', 'nl', 'net'];

export const PERSONAL_DOMAINS = [
  'gmail.com',
  'outlook.com',
  'yahoo.com',
  'icloud.com',
  'proton.me',
];

export const JOB_TITLES = [
  ...list(`
  CEO, CTO, CFO, COO, Founder, Co-founder, VP of Sales, VP of Engineering, VP of Marketing,
  Head of Operations, Head of Procurement, Head of IT, IT Manager, Operations Manager,
  Procurement Manager, Purchasing Agent, Office Manager, Marketing Director, Marketing Manager,
  Product Manager, Project Manager, Engineering Manager, Software Engineer, Data Analyst,
  Finance Director, Controller, HR Director, Facilities Manager, Logistics Coordinator,
  Store Manager, Practice Manager, Owner, General Manager, Business Development Manager,
  Chief of Staff
`),
  '',
];

export const LOST_REASONS = [
  'Chose a competitor',
  'No budget this year',
  'No response after several follow-ups',
  'Timing: revisit next quarter',
  'Too small for our offering',
  'Built an in-house solution',
  'Price too high',
  'Project cancelled',
  'Champion left the company',
  'Missing integration they need',
];

export const NOTE_TEMPLATES = [
  'Met at {event}; interested in a pilot for {n} seats.',
  'Referred by an existing customer. Wants pricing for {n} users.',
  'Downloaded the {topic} whitepaper.',
  'Asked for a demo focused on {topic}.',
  'Currently using a competitor, contract renews in {month}.',
  'Budget approved for {month}; decision by committee.',
  'Prefers email. Do not call before 10am.',
  'Evaluating three vendors; we are on the shortlist.',
];

export const ACTIVITY_TEMPLATES = {
  note: [
    'Decision maker is the {title}. Budget cycle starts in {month}.',
    'They need {topic} before they can sign.',
    'Internal note: discount approved up to 10% if they commit this quarter.',
    'Competitor quoted lower; we win on support and {topic}.',
  ],
  call: [
    'Intro call, 20 minutes. Walked through {topic}; follow-up booked.',
    'Left a voicemail about the proposal.',
    'Discovery call: {n} users, rollout planned for {month}.',
    'Call with the {title}: objections around price, sending a revised quote.',
  ],
  email: [
    'Sent the proposal and the {topic} case study.',
    'Followed up on the quote from last week.',
    'Shared onboarding timeline and references.',
    'Answered security questionnaire questions about {topic}.',
  ],
  meeting: [
    'Demo with {n} people from their team, strong interest in {topic}.',
    'On-site meeting with the {title}; agreed next steps.',
    'Quarterly review of the pilot; expansion to {n} seats discussed.',
  ],
} as const;

export const TOPICS = list(`
  reporting, the API, SSO, data import, pipeline analytics, mobile access, integrations,
  pricing tiers, data residency, onboarding
`);

export const EVENTS = list(`
  SaaStr, Web Summit, the Berlin trade fair, a partner webinar, the regional meetup,
  Dreamforce, the London roadshow
`);

export const MONTHS = list(`
  January, February, March, April, May, June, July, August, September, October, November,
  December
`);

export const STREETS = list(`
  Main Street, High Street, Market Street, Park Avenue, Station Road, Church Lane, Elm Street,
  Oak Avenue, Harbour Road, King Street, Queen Street, Mill Lane
`);

/** [city, state, zip pattern (# = digit), country] */
export const PLACES: ReadonlyArray<readonly [string, string, string, string]> = [
  ['San Francisco', 'CA', '941##', 'United States'],
  ['New York', 'NY', '100##', 'United States'],
  ['Austin', 'TX', '787##', 'United States'],
  ['Chicago', 'IL', '606##', 'United States'],
  ['Seattle', 'WA', '981##', 'United States'],
  ['Boston', 'MA', '021##', 'United States'],
  ['Toronto', 'ON', 'M5V #A#', 'Canada'],
  ['London', '', 'EC1A #BB', 'United Kingdom'],
  ['Manchester', '', 'M# #AB', 'United Kingdom'],
  ['Berlin', 'Berlin', '10###', 'Germany'],
  ['Munich', 'Bavaria', '80###', 'Germany'],
  ['Paris', 'Île-de-France', '750##', 'France'],
  ['Amsterdam', 'North Holland', '10## AB', 'Netherlands'],
  ['Madrid', 'Madrid', '280##', 'Spain'],
  ['Milan', 'Lombardy', '201##', 'Italy'],
  ['Stockholm', '', '111 ##', 'Sweden'],
  ['Warsaw', 'Masovia', '00-###', 'Poland'],
  ['Sydney', 'NSW', '2###', 'Australia'],
  ['Singapore', '', '0#####', 'Singapore'],
  ['Tokyo', 'Tokyo', '100-####', 'Japan'],
];

/** Phone formats; # is a random digit. Weighted toward US numbers like a US-heavy CRM. */
export const PHONE_FORMATS = [
  '+1 (###) 555-####',
  '+1 ###-555-####',
  '(###) 555-####',
  '+1 ### 555 ####',
  '+44 20 7946 ####',
  '+44 161 496 ####',
  '+49 30 #######',
  '+49 89 ######',
  '+33 1 ## ## ## ##',
  '+31 20 ### ####',
  '+34 91 ### ## ##',
  '+61 2 #### ####',
  '+81 3-####-####',
];
