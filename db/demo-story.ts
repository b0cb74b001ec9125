import type { NewStoryPage } from "./schema";

// The demo campaign's story, in Upstand's own words, from the 2018 People article about Thorn.
// Quotations are short, marked and attributed; what Kutcher described seeing is not retold.

const KUTCHER_48_HOURS = "Ashton Kutcher, speaking to 48 Hours (2018), as quoted by People";
const KUTCHER_SENATE = "Ashton Kutcher, testimony to the Senate Foreign Relations Committee (February 2017)";

export const DEMO_STORY: Omit<NewStoryPage, "campaignId" | "id" | "createdAt" | "updatedAt">[] = [
  {
    slug: "who-thorn-is",
    position: 1,
    title: "Who Thorn is, and how it began",
    summary: "A nonprofit that builds tools for the people who protect children.",
    body: [
      "Thorn is a nonprofit organization that builds technology to defend children from sexual abuse " +
        "and exploitation. It does not carry out rescues itself. It makes tools for the people who do: " +
        "investigators in law enforcement, and the teams inside technology companies who keep their " +
        "platforms safe.",
      "It began in 2009 as the DNA Foundation, started by the actors Ashton Kutcher and Demi Moore to " +
        "deter the sexual exploitation of children. The organization later took the name Thorn; the " +
        "People article this campaign draws on calls it Thorn: Digital Defenders of Children.",
      "Kutcher has explained the idea behind it as a question of scale:",
      `> You can roll up your sleeves and go try to be like a hero and go save one person, or you can build a tool that allows one person to save a lot of people. — ${KUTCHER_48_HOURS}`,
    ].join("\n\n"),
    figureSlugs: [],
  },
  {
    slug: "the-technology",
    position: 2,
    title: "The technology, and the companies that work on it",
    summary: "Software for investigators and platforms, and a task force of more than 25 companies.",
    body: [
      "Thorn's work is software. Its tools help investigators find children who are being trafficked " +
        "or abused sooner, and help online platforms detect child sexual abuse material so that it can " +
        "be reported and taken down.",
      "No single organization can do this alone. Thorn created a Technology Task Force: a group of more " +
        "than 25 technology companies, Google, Facebook and Microsoft among them, that work on software " +
        "to fight child sexual exploitation.",
      `> What we do at our core is we build technology to help fight sexual exploitation of children. — ${KUTCHER_48_HOURS}`,
      "## Why it matters to this campaign",
      "Tools reach children only when investigators have the time and training to use them, and when " +
        "platforms look for abuse material rather than wait for someone to report it. Both depend on " +
        "decisions that lawmakers make.",
    ].join("\n\n"),
    figureSlugs: ["task-force-companies"],
  },
  {
    slug: "the-testimony",
    position: 3,
    title: "Before the Senate, February 2017",
    summary: "What Ashton Kutcher asked of Congress when he testified on modern slavery.",
    body: [
      "In February 2017, Ashton Kutcher testified before the U.S. Senate Foreign Relations Committee " +
        "on modern slavery. In a speech of about fifteen minutes, he urged Congress to act to end the " +
        "exploitation of women and children around the world.",
      "He built his case on an idea from the founding of the country:",
      `> I'm here today to defend the right to pursue happiness. — ${KUTCHER_SENATE}`,
      "For too many people, he told the senators, that right is taken away by force, fraud or coercion. " +
        "He spoke about what he and his team had come across in their work, including a request from the " +
        "Department of Homeland Security for help in finding a young girl whose abuse was being shared " +
        "online. We do not repeat those accounts here.",
      "He also answered critics who had told him to stick to his day job. This work, he said, is his day job.",
      `> That's my day job, and I'm sticking to it. — ${KUTCHER_SENATE}`,
      "## What was asked of Congress",
      "To treat the exploitation of children, at home and abroad, as a priority that deserves its " +
        "attention and its resources. The petition in this campaign asks the same of today's Congress.",
    ].join("\n\n"),
    figureSlugs: [],
  },
  {
    slug: "the-figures",
    position: 4,
    title: "What the 2017 figures count",
    summary: "Thorn's own figures for one year, and how to read them.",
    body: [
      "Thorn reports on its work each year. The figures on this page come from its impact report for " +
        "2017, as quoted by People magazine in 2018. They are Thorn's own, self-reported figures, not " +
        "counts made or checked by anyone else.",
      "Each counts something different. Some count people that investigators identified or helped with " +
        "the support of Thorn's tools; the identifications were made by law enforcement. Others count " +
        "people reached: those shown a message encouraging them to get help, and teenagers reached by an " +
        "education campaign. Read each figure with its description.",
      "## Reported figures and live counts",
      "Upstand shows these figures as they were reported and adds nothing to them. The live counts on " +
        "this site are something else: signatures and pledges made here, counted when their owners " +
        "confirm them.",
    ].join("\n\n"),
    figureSlugs: [
      "victims-identified",
      "children-rescued",
      "perpetrators-disrupted",
      "help-seekers",
      "teens-educated",
      "task-force-companies",
    ],
  },
];
