import type { NewCampaign, NewImpactFigure, NewPetition, NewPledge, NewPledgeCommitment } from "./schema";

// The demo campaign, written for Upstand from a 2018 People article about Thorn. Every figure
// is Thorn's own, from its 2017 impact report as People quoted it, and is shown as such.
// The Spanish versions are written for Spanish-speaking readers in the United States (tú, as
// U.S. campaigns address their readers), in their own words rather than word for word.

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
    translations: {
      es: {
        unit: "víctimas",
        counts:
          "víctimas de trata sexual infantil identificadas por las fuerzas del orden con ayuda de las herramientas de Thorn",
        period: "2017",
      },
    },
    sortOrder: 1,
    ...THORN_2017,
  },
  {
    slug: "children-rescued",
    value: 103,
    unit: "children",
    counts: "children brought to safety from situations in which their abuse was recorded and distributed",
    translations: {
      es: {
        unit: "niños",
        counts: "niños puestos a salvo de situaciones en las que su abuso se grababa y se difundía",
        period: "2017",
      },
    },
    sortOrder: 2,
    ...THORN_2017,
  },
  {
    slug: "perpetrators-disrupted",
    value: 6608,
    unit: "perpetrators",
    counts: "perpetrators whose activity Thorn helped to disrupt",
    translations: {
      es: { unit: "agresores", counts: "agresores cuya actividad Thorn ayudó a frenar", period: "2017" },
    },
    sortOrder: 3,
    ...THORN_2017,
  },
  {
    slug: "help-seekers",
    value: 140000,
    isLowerBound: true,
    unit: "people",
    counts: "people searching for child sexual abuse material who were encouraged to get help instead",
    translations: {
      es: {
        unit: "personas",
        counts:
          "personas que buscaban material de abuso sexual infantil y a las que, en cambio, se animó a pedir ayuda",
        period: "2017",
      },
    },
    sortOrder: 4,
    ...THORN_2017,
  },
  {
    slug: "teens-educated",
    value: 3500000,
    notation: "compact",
    unit: "teens",
    counts: "teens reached by Thorn's Stop Sextortion education campaign",
    translations: {
      es: {
        unit: "adolescentes",
        counts: "adolescentes a los que llegó Stop Sextortion, la campaña educativa de Thorn",
        period: "2017",
      },
    },
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
    translations: {
      es: {
        unit: "empresas de tecnología",
        counts:
          "empresas de tecnología, entre ellas Google, Facebook y Microsoft, en el Technology Task Force, el grupo de trabajo tecnológico de Thorn",
        period: "hasta 2018",
      },
    },
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
  translations: {
    es: {
      title: "Que proteger a los niños de la explotación en internet sea una prioridad nacional",
      target: "los miembros del Congreso de los Estados Unidos",
      ask:
        "Den a los investigadores que buscan a niños explotados el personal, la capacitación y la tecnología " +
        "que necesitan; exijan a todas las empresas de tecnología que detecten, denuncien y eliminen el " +
        "material de abuso sexual infantil; y apoyen a las organizaciones que crean las herramientas que " +
        "hacen posible este trabajo.",
      background: [
        "En febrero de 2017, Ashton Kutcher, cofundador de Thorn, declaró sobre la esclavitud moderna ante " +
          "el Comité de Relaciones Exteriores del Senado de los Estados Unidos. Contó lo que su equipo ve en " +
          "su trabajo y pidió al Congreso que actuara para que el derecho a buscar la felicidad llegue a " +
          "todos, también a los niños que son explotados.",
        "Las propias cifras de Thorn muestran lo que la tecnología puede lograr cuando llega a quienes la " +
          "necesitan: según la organización, en 2017 ayudó a las fuerzas del orden a identificar a miles de " +
          "víctimas de trata sexual infantil. Pero las herramientas solo sirven si los investigadores tienen " +
          "el tiempo y la capacitación para usarlas, y si las plataformas buscan el material de abuso en vez " +
          "de esperar a que alguien lo denuncie.",
        "De los legisladores depende cuánto de ese trabajo se hace. Firme para pedirles que lo traten como " +
          "la prioridad que es.",
      ].join("\n\n"),
    },
  },
  goal: null,
  isOpen: true,
  requiresConfirmation: true,
  // The demo shows what a campaign that chose to publish its counts by place and time looks like.
  publishesOpenCounts: true,
};

export const DEMO_PLEDGE: WithoutParent<NewPledge, "campaignId"> = {
  slug: "do-my-part",
  title: "Do your part to keep children safe online",
  statement: "I will do my part to help keep the children and teenagers in my life safe online.",
  background:
    "Laws and technology matter, and so do the adults around a child. Choose the commitments you can " +
    "keep. A month after you confirm, we will ask you once whether you did them.",
  translations: {
    es: {
      title: "Haga su parte para proteger a los niños en internet",
      statement:
        "Haré mi parte para ayudar a que los niños y adolescentes que forman parte de mi vida estén seguros en internet.",
      background:
        "Las leyes y la tecnología importan, y también los adultos que rodean a cada niño. Elija los " +
        "compromisos que pueda cumplir. Un mes después de que confirme, le preguntaremos una sola vez si " +
        "los cumplió.",
    },
  },
  goal: null,
  isOpen: true,
  requiresConfirmation: true,
  publishesOpenCounts: true,
  followUpAfterDays: 30,
};

export const DEMO_COMMITMENTS: WithoutParent<NewPledgeCommitment, "pledgeId">[] = [
  {
    slug: "talk-about-sextortion",
    title: "Talk with the young people in my life about sextortion",
    description:
      "Explain that anyone who pressures them for images is the one doing wrong, and that they can come " +
      "to me for help without being blamed.",
    translations: {
      es: {
        title: "Hablar con los jóvenes de mi vida sobre la sextorsión",
        description:
          "Explicarles que quien los presiona para conseguir imágenes es quien hace mal, y que pueden " +
          "acudir a mí para pedir ayuda sin que los culpe.",
      },
    },
    sortOrder: 1,
  },
  {
    slug: "learn-to-report",
    title: "Learn how to report abuse material",
    description:
      "Know where to report it (the NCMEC CyberTipline in the United States, or the national hotline " +
      "listed by INHOPE elsewhere) and never share it, not even to report it.",
    translations: {
      es: {
        title: "Aprender a denunciar el material de abuso",
        description:
          "Saber dónde denunciarlo (la CyberTipline del NCMEC en los Estados Unidos, o la línea nacional " +
          "que indica INHOPE en otros países) y no compartirlo nunca, ni siquiera para denunciarlo.",
      },
    },
    sortOrder: 2,
  },
  {
    slug: "share-the-campaign",
    title: "Share this campaign with three people",
    description: "Send the petition to three people who would sign it too.",
    translations: {
      es: {
        title: "Compartir esta campaña con tres personas",
        description: "Enviar la petición a tres personas que también la firmarían.",
      },
    },
    sortOrder: 3,
  },
  {
    slug: "ask-for-a-session",
    title: "Ask my school, club or workplace to hold an online-safety session, if 100 others will too",
    description:
      "This commitment switches on once 100 people have made it; until then nobody is asked to act.",
    threshold: 100,
    translations: {
      es: {
        title:
          "Pedir a mi escuela, club o trabajo que organice una charla sobre seguridad en internet, si otras 100 personas también lo piden",
        description:
          "Este compromiso se activa cuando 100 personas lo hayan asumido; hasta entonces, no se le pide a " +
          "nadie que actúe.",
      },
    },
    sortOrder: 4,
  },
];
