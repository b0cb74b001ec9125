import type { NewStoryPage } from "./schema";

// The demo campaign's story, in Upstand's own words, from the 2018 People article about Thorn.
// Quotations are short, marked and attributed; what Kutcher described seeing is not retold.

const KUTCHER_48_HOURS = "Ashton Kutcher, speaking to 48 Hours (2018), as quoted by People";
const KUTCHER_SENATE = "Ashton Kutcher, testimony to the Senate Foreign Relations Committee (February 2017)";

// The Spanish story keeps each quotation in the words that were said, in English, and gives a
// translation in the paragraph after it, so that nobody's words are put in their mouth.
const KUTCHER_48_HOURS_ES = "Ashton Kutcher, en declaraciones a 48 Hours (2018), citado por People";
const KUTCHER_SENATE_ES =
  "Ashton Kutcher, testimonio ante el Comité de Relaciones Exteriores del Senado (febrero de 2017)";
const inSpanish = (translation: string) => `(En español: «${translation}»)`;

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
    translations: {
      es: {
        title: "Quién es Thorn y cómo empezó",
        summary:
          "Una organización sin fines de lucro que crea herramientas para quienes protegen a los niños.",
        body: [
          "Thorn es una organización sin fines de lucro que crea tecnología para defender a los niños del " +
            "abuso y la explotación sexual. No hace rescates por su cuenta: crea herramientas para quienes " +
            "sí los hacen, como los investigadores de las fuerzas del orden y los equipos de las empresas de " +
            "tecnología que se encargan de que sus plataformas sean seguras.",
          "Nació en 2009 como DNA Foundation, fundada por los actores Ashton Kutcher y Demi Moore para " +
            "combatir la explotación sexual de niños. Más tarde adoptó el nombre Thorn; el artículo de People " +
            "en el que se basa esta campaña la llama Thorn: Digital Defenders of Children.",
          "Kutcher ha explicado la idea que la impulsa como una cuestión de escala:",
          `> You can roll up your sleeves and go try to be like a hero and go save one person, or you can build a tool that allows one person to save a lot of people. — ${KUTCHER_48_HOURS_ES}`,
          inSpanish(
            "Puedes arremangarte e intentar ser una especie de héroe y salvar a una persona, o puedes crear " +
              "una herramienta que le permita a una persona salvar a muchas.",
          ),
        ].join("\n\n"),
      },
    },
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
    translations: {
      es: {
        title: "La tecnología y las empresas que colaboran",
        summary: "Software para investigadores y plataformas, y un grupo de trabajo de más de 25 empresas.",
        body: [
          "El trabajo de Thorn es el software. Sus herramientas ayudan a los investigadores a encontrar antes " +
            "a los niños víctimas de trata o de abuso, y ayudan a las plataformas en línea a detectar el " +
            "material de abuso sexual infantil para que se pueda denunciar y eliminar.",
          "Ninguna organización puede hacerlo sola. Thorn creó el Technology Task Force, un grupo de trabajo " +
            "de más de 25 empresas de tecnología, entre ellas Google, Facebook y Microsoft, que desarrollan " +
            "software para combatir la explotación sexual infantil.",
          `> What we do at our core is we build technology to help fight sexual exploitation of children. — ${KUTCHER_48_HOURS_ES}`,
          inSpanish(
            "Lo que hacemos, en esencia, es crear tecnología para ayudar a combatir la explotación sexual de " +
              "los niños.",
          ),
          "## Por qué importa para esta campaña",
          "Las herramientas solo llegan a los niños cuando los investigadores tienen el tiempo y la " +
            "capacitación para usarlas, y cuando las plataformas buscan el material de abuso en vez de " +
            "esperar a que alguien lo denuncie. Las dos cosas dependen de decisiones que toman los legisladores.",
        ].join("\n\n"),
      },
    },
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
    translations: {
      es: {
        title: "Ante el Senado, febrero de 2017",
        summary: "Lo que Ashton Kutcher le pidió al Congreso cuando declaró sobre la esclavitud moderna.",
        body: [
          "En febrero de 2017, Ashton Kutcher declaró sobre la esclavitud moderna ante el Comité de Relaciones " +
            "Exteriores del Senado de los Estados Unidos. En un discurso de unos quince minutos, instó al " +
            "Congreso a actuar para poner fin a la explotación de mujeres y niños en todo el mundo.",
          "Basó su argumento en una idea que viene de la fundación del país:",
          `> I'm here today to defend the right to pursue happiness. — ${KUTCHER_SENATE_ES}`,
          inSpanish("Estoy aquí hoy para defender el derecho a buscar la felicidad."),
          "A demasiadas personas, les dijo a los senadores, ese derecho se les arrebata por la fuerza, el " +
            "engaño o la coacción. Habló de lo que él y su equipo se habían encontrado en su trabajo, entre " +
            "otras cosas un pedido del Departamento de Seguridad Nacional para ayudar a encontrar a una niña " +
            "cuyo abuso se estaba compartiendo en internet. Aquí no repetimos esos relatos.",
          "También respondió a los críticos que le habían dicho que no se metiera en esto y se dedicara a lo " +
            "suyo. Esto, dijo, es lo suyo.",
          `> That's my day job, and I'm sticking to it. — ${KUTCHER_SENATE_ES}`,
          inSpanish("Esto es lo mío, y no lo voy a dejar."),
          "## Lo que se le pidió al Congreso",
          "Que tratara la explotación de los niños, dentro y fuera del país, como una prioridad que merece su " +
            "atención y sus recursos. La petición de esta campaña le pide lo mismo al Congreso de hoy.",
        ].join("\n\n"),
      },
    },
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
    translations: {
      es: {
        title: "Lo que cuentan las cifras de 2017",
        summary: "Las propias cifras de Thorn para un año, y cómo leerlas.",
        body: [
          "Thorn informa cada año sobre su trabajo. Las cifras de esta página provienen de su informe de " +
            "impacto de 2017, tal como las citó la revista People en 2018. Son cifras de la propia Thorn, " +
            "declaradas por ella: nadie más las contó ni las verificó.",
          "Cada una cuenta algo distinto. Algunas cuentan personas a las que los investigadores identificaron " +
            "o ayudaron con el apoyo de las herramientas de Thorn; las identificaciones las hicieron las " +
            "fuerzas del orden. Otras cuentan personas a las que se llegó: quienes vieron un mensaje que las " +
            "animaba a pedir ayuda y los adolescentes a los que llegó una campaña educativa. Lea cada cifra " +
            "junto con su descripción.",
          "## Cifras declaradas y conteos en vivo",
          "Upstand muestra estas cifras tal como se publicaron y no les añade nada. Los conteos en vivo de " +
            "este sitio son otra cosa: firmas y promesas hechas aquí, que se cuentan cuando quienes las " +
            "hicieron las confirman.",
        ].join("\n\n"),
      },
    },
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
