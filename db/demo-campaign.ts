import type { NewCampaign, NewImpactFigure, NewPetition, NewPledge, NewPledgeCommitment } from "./schema";

// The demo campaign, written for Upstand from a 2018 People article about Thorn. Every figure
// is Thorn's own, from its 2017 impact report as People quoted it, and is shown as such.

type WithoutParent<T, K extends keyof T> = Omit<T, K | "id" | "createdAt" | "updatedAt">;

export const DEMO_CAMPAIGN: Omit<NewCampaign, "id" | "createdAt" | "updatedAt"> = {
  slug: "defend-children-online",
  name: "Defend children online",
  headline: "Every child deserves to grow up safe online",
  summary:
    "Thorn is a nonprofit that builds technology to find children who are being sexually exploited " +
    "and to keep abuse material off the internet. Its tools already help investigators every day. " +
    "Ask Congress to make protecting children online a national priority, and pledge to do your part " +
    "where you live.",
  causeName: "Thorn",
  causeUrl: "https://www.thorn.org",
};

const THORN_2017 = {
  period: "2017",
  reportedBy: "Thorn",
  reportedIn: "its 2017 impact report",
  quotedBy: "People (2018)",
  method: "self-reported",
} as const;

export const DEMO_FIGURES: WithoutParent<NewImpactFigure, "campaignId">[] = [
  {
    slug: "victims-identified",
    value: 5894,
    unit: "victims",
    counts: "child sex trafficking victims identified by law enforcement with the help of Thorn's tools",
    sortOrder: 1,
    ...THORN_2017,
  },
  {
    slug: "children-rescued",
    value: 103,
    unit: "children",
    counts: "children brought to safety from situations in which their abuse was recorded and distributed",
    sortOrder: 2,
    ...THORN_2017,
  },
  {
    slug: "perpetrators-disrupted",
    value: 6608,
    unit: "perpetrators",
    counts: "perpetrators whose activity Thorn helped to disrupt",
    sortOrder: 3,
    ...THORN_2017,
  },
  {
    slug: "help-seekers",
    value: 140000,
    isLowerBound: true,
    unit: "people",
    counts: "people searching for child sexual abuse material who were encouraged to get help instead",
    sortOrder: 4,
    ...THORN_2017,
  },
  {
    slug: "teens-educated",
    value: 3500000,
    notation: "compact",
    unit: "teens",
    counts: "teens reached by Thorn's Stop Sextortion education campaign",
    sortOrder: 5,
    ...THORN_2017,
  },
  {
    slug: "task-force-companies",
    value: 25,
    isLowerBound: true,
    unit: "technology companies",
    counts:
      "technology companies, Google, Facebook and Microsoft among them, in Thorn's Technology Task Force",
    sortOrder: 6,
    ...THORN_2017,
    period: "as of 2018",
    reportedIn: "its account of the Technology Task Force",
  },
];

export const DEMO_PETITION: WithoutParent<NewPetition, "campaignId"> = {
  slug: "protect-children-online",
  title: "Make protecting children from online exploitation a national priority",
  target: "Members of the U.S. Congress",
  ask:
    "Give the investigators who find exploited children the people, training and technology they need; " +
    "expect every technology company to detect, report and remove child sexual abuse material; " +
    "and support the organizations that build the tools that make this work possible.",
  background: [
    "In February 2017, Thorn's co-founder Ashton Kutcher testified before the U.S. Senate Foreign " +
      "Relations Committee on modern slavery. He described what his team sees in its work and asked " +
      "Congress to act so that the right to pursue happiness reaches everyone, including children who " +
      "are exploited.",
    "Thorn's own figures show what technology can do when it reaches the people who need it: in 2017 it " +
      "reports helping law enforcement identify thousands of victims of child sex trafficking. Tools only " +
      "help when investigators have the time and training to use them, and when platforms look for abuse " +
      "material instead of waiting for it to be reported.",
    "Lawmakers decide how much of that work gets done. Add your name to ask them to treat it as the " +
      "priority it is.",
  ].join("\n\n"),
  goal: null,
  isOpen: true,
  requiresConfirmation: true,
};

export const DEMO_PLEDGE: WithoutParent<NewPledge, "campaignId"> = {
  slug: "do-my-part",
  title: "Do your part to keep children safe online",
  statement: "I will do my part to help keep the children and teenagers in my life safe online.",
  background:
    "Laws and technology matter, and so do the adults around a child. Choose the commitments you can " +
    "keep. A month after you confirm, we will ask you once whether you did them.",
  goal: null,
  isOpen: true,
  requiresConfirmation: true,
  followUpAfterDays: 30,
};

export const DEMO_COMMITMENTS: WithoutParent<NewPledgeCommitment, "pledgeId">[] = [
  {
    slug: "talk-about-sextortion",
    title: "Talk with the young people in my life about sextortion",
    description:
      "Explain that anyone who pressures them for images is the one doing wrong, and that they can come " +
      "to me for help without being blamed.",
    sortOrder: 1,
  },
  {
    slug: "learn-to-report",
    title: "Learn how to report abuse material",
    description:
      "Know where to report it (the NCMEC CyberTipline in the United States, or the national hotline " +
      "listed by INHOPE elsewhere) and never share it, not even to report it.",
    sortOrder: 2,
  },
  {
    slug: "share-the-campaign",
    title: "Share this campaign with three people",
    description: "Send the petition to three people who would sign it too.",
    sortOrder: 3,
  },
  {
    slug: "ask-for-a-session",
    title: "Ask my school, club or workplace to hold an online-safety session, if 100 others will too",
    description:
      "This commitment switches on once 100 people have made it; until then nobody is asked to act.",
    threshold: 100,
    sortOrder: 4,
  },
];
