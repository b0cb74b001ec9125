import { describe, expect, it } from "vitest";
import { renderMail } from "@/lib/mail/layout";
import {
  alreadySupportedMail,
  commitmentActivatedMail,
  confirmReminderMail,
  confirmSupportMail,
  followUpMail,
  staffSignInMail,
  type SupportMailContext,
} from "@/lib/mail/messages";
import { senderOf } from "@/lib/mail/sender";

// What each email says, as its reader sees it in either part.

const siteUrl = new URL("https://campaign.example/");
const context: SupportMailContext = {
  kind: "petition",
  firstName: "Ada",
  title: "Protect children online",
  campaignName: "Stop Child Exploitation",
  siteUrl,
  enteredAt: new Date("2026-12-01T10:00:00Z"),
  unsubscribeToken: null,
};
const firstSigned = new Date("2026-11-20T10:00:00Z");
const TOKEN = "t".repeat(43);

// Both parts, so that a check of the words holds for whichever part a mail program shows.
const both = (mail: { text: string; html: string }) => [mail.text, mail.html];

describe("the repeat notice says what is true for the person", () => {
  it("to a confirmed signer: it counts, here is a working withdraw link, nothing about deletion", () => {
    const mail = alreadySupportedMail(context, {
      state: "verified",
      enteredAt: firstSigned,
      withdrawToken: TOKEN,
    });
    expect(mail.subject).toBe("You have already signed: Protect children online");
    for (const part of both(mail)) {
      expect(part).toContain("is confirmed and counts once");
      expect(part).toContain(`https://campaign.example/withdraw/${TOKEN}`);
      expect(part).not.toMatch(/deleted|without confirmation|does not count/);
    }
  });

  it("to a pending signer: a fresh confirm link, and the day it will be deleted without confirmation", () => {
    const mail = alreadySupportedMail(context, {
      state: "pending",
      enteredAt: firstSigned,
      confirmToken: TOKEN,
    });
    for (const part of both(mail)) {
      expect(part).toContain("does not count yet");
      expect(part).toContain(`https://campaign.example/confirm/${TOKEN}`);
      // 30 days after it was first made.
      expect(part).toContain("it is deleted on December 20, 2026");
      expect(part).not.toContain("/withdraw/");
    }
  });

  it("to someone who withdrew: what happened, and how to sign again", () => {
    const mail = alreadySupportedMail(context, {
      state: "withdrawn",
      enteredAt: firstSigned,
      withdrawnAt: new Date("2026-11-25T10:00:00Z"),
      confirmToken: TOKEN,
    });
    for (const part of both(mail)) {
      expect(part).toContain("You withdrew your signature on November 25, 2026, so it does not count");
      expect(part).toContain("sign the petition again");
      expect(part).toContain(`https://campaign.example/confirm/${TOKEN}`);
    }
  });

  it("the same for a pledge taker, in a pledge's words", () => {
    const mail = alreadySupportedMail(
      { ...context, kind: "pledge", title: "Report what you see" },
      { state: "verified", enteredAt: firstSigned, withdrawToken: TOKEN },
    );
    expect(mail.subject).toBe("You have already taken this pledge: Report what you see");
    expect(mail.text).toContain("Your pledge from November 20, 2026 is confirmed and counts once");
    expect(mail.text).toContain("This link withdraws your pledge at any time");
  });

  it("to a removed signer: nothing new was made, and no link", () => {
    const mail = alreadySupportedMail(context, { state: "other", enteredAt: firstSigned });
    expect(mail.text).toContain("Nothing new was made");
    expect(mail.text).not.toMatch(/\/(confirm|withdraw)\//);
  });
});

describe("every email", () => {
  const all = [
    confirmSupportMail(context, { confirm: TOKEN, withdraw: TOKEN }, ["Learn the signs"]),
    alreadySupportedMail(context, { state: "verified", enteredAt: firstSigned, withdrawToken: TOKEN }),
    commitmentActivatedMail({
      firstName: "Ada",
      pledgeTitle: "Report what you see",
      pledgeSlug: "report",
      campaignName: context.campaignName,
      siteUrl,
      pledgedAt: firstSigned,
      commitmentTitle: "Report one thing",
      threshold: 1000,
      unsubscribeToken: null,
    }),
    followUpMail({
      firstName: "Ada",
      pledgeTitle: "Report what you see",
      campaignName: context.campaignName,
      siteUrl,
      pledgedAt: firstSigned,
      commitments: ["Report one thing"],
      token: TOKEN,
      unsubscribeToken: TOKEN,
    }),
    staffSignInMail({
      url: `https://campaign.example/staff/sign-in/link/${TOKEN}`,
      minutes: 15,
      campaignName: context.campaignName,
      siteUrl,
      invited: false,
    }),
  ];

  it.each(all.map((mail) => [mail.subject, mail]))(
    "%s: in the campaign's name, with why it was sent and the privacy link, in both parts",
    (_subject, mail) => {
      expect(mail.fromName).toBe("Stop Child Exploitation");
      for (const part of both(mail)) {
        expect(part).toContain("Stop Child Exploitation");
        expect(part).not.toMatch(/\bUpstand\b/);
        expect(part).toContain("You received this email because");
        expect(part).toContain("https://campaign.example/privacy");
        // American spelling: the petition is to the U.S. Congress.
        expect(part).not.toMatch(/organis|colour|behaviour|favour|licence|recognis|centre\b/i);
      }
    },
  );

  it.each(all.map((mail) => [mail.subject, mail]))(
    "%s: HTML that mail programs render and people can read: lang, a heading, inline styles, nothing remote",
    (_subject, mail) => {
      expect(mail.html).toMatch(/^<!doctype html>\n<html lang="en">/);
      expect(mail.html).toMatch(/<h1 [^>]*>[^<]+<\/h1>/);
      expect(mail.html).not.toMatch(/<(script|img|link|table|iframe|style)\b/i);
      expect(mail.html).not.toMatch(/\bsrc=|url\(/i);
      // Every link says where it goes, and goes to the campaign's own site.
      for (const [, href, label] of mail.html.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)) {
        expect(href).toMatch(/^https:\/\/campaign\.example\//);
        expect(label!.trim().length).toBeGreaterThan(5);
        expect(label).not.toMatch(/^(here|click here|link)$/i);
      }
    },
  );

  it("the footer says when the address was used, and why a staff member got a link", () => {
    expect(all[0]!.text).toContain(
      'You received this email because this address was entered on the form to sign "Protect children online" on December 1, 2026.',
    );
    expect(all[2]!.text).toContain('because you took the pledge "Report what you see" on November 20, 2026');
    expect(all[4]!.text).toContain("asked for a sign-in link to the Stop Child Exploitation staff console");
    const invite = staffSignInMail({
      url: "https://campaign.example/x",
      minutes: 7 * 1440,
      campaignName: "C",
      siteUrl,
      invited: true,
    });
    expect(invite.text).toContain("an administrator of the C staff console invited this address");
    expect(invite.text).toContain("for 7 days");
  });
});

describe("in the supporter's language", () => {
  const spanish = { ...context, title: "Protejan a los niños en internet", locale: "es" as const };
  const pledgeMail = {
    firstName: "Ana",
    pledgeTitle: "Denuncie lo que vea",
    pledgeSlug: "report",
    campaignName: context.campaignName,
    siteUrl,
    pledgedAt: firstSigned,
    unsubscribeToken: TOKEN,
    locale: "es" as const,
  };
  const allSpanish = [
    confirmSupportMail({ ...spanish, unsubscribeToken: TOKEN }, { confirm: TOKEN, withdraw: TOKEN }),
    alreadySupportedMail(spanish, { state: "pending", enteredAt: firstSigned, confirmToken: TOKEN }),
    alreadySupportedMail(spanish, { state: "verified", enteredAt: firstSigned, withdrawToken: TOKEN }),
    alreadySupportedMail(spanish, {
      state: "withdrawn",
      enteredAt: firstSigned,
      withdrawnAt: null,
      confirmToken: TOKEN,
    }),
    alreadySupportedMail({ ...spanish, kind: "pledge" }, { state: "other", enteredAt: firstSigned }),
    commitmentActivatedMail({ ...pledgeMail, commitmentTitle: "Denunciar una cosa", threshold: 1000 }),
    followUpMail({ ...pledgeMail, commitments: ["Denunciar una cosa"], token: TOKEN }),
  ];

  it("a Spanish reader's confirmation is in Spanish, dates and all, with links to the Spanish pages", () => {
    const mail = allSpanish[0]!;
    expect(mail.subject).toBe("Confirme su firma: Protejan a los niños en internet");
    for (const part of both(mail)) {
      expect(part).toContain("Hola, Ada:");
      expect(part).toContain("Gracias por firmar “Protejan a los niños en internet”.");
      expect(part).toContain("se borra el 31 de diciembre de 2026");
      expect(part).toContain("El enlace funciona durante 7 días.");
      expect(part).toContain(`https://campaign.example/es/confirm/${TOKEN}`);
      expect(part).toContain(`https://campaign.example/es/withdraw/${TOKEN}`);
      expect(part).toContain("https://campaign.example/es/privacy");
      expect(part).toContain(`https://campaign.example/es/unsubscribe/${TOKEN}`);
      expect(part).toContain("Dejar de recibir novedades de Stop Child Exploitation");
      expect(part).toContain(
        "Recibió este correo porque esta dirección se escribió en el formulario para firmar “Protejan a los niños en internet” el 1 de diciembre de 2026.",
      );
      expect(part).not.toMatch(/December|Confirm your|Hello|example\/(confirm|withdraw|privacy)/);
    }
    expect(mail.html).toMatch(/^<!doctype html>\n<html lang="es">/);
    expect(mail.html).toContain("Si el botón no funciona, copie esta dirección en su navegador");
    // Mail programs post to the one-click address, which has no language.
    expect(mail.headers?.["List-Unsubscribe"]).toBe(
      `<https://campaign.example/api/links/unsubscribe?token=${TOKEN}>`,
    );
  });

  it("each supporter email is in Spanish, in the campaign's name, every link on a Spanish page", () => {
    for (const mail of allSpanish) {
      expect(mail.fromName).toBe("Stop Child Exploitation");
      for (const part of both(mail)) {
        expect(part).toContain("Recibió este correo porque");
        expect(part).not.toMatch(/You received|Hello|Thank you|Changed your mind|If you did not/);
      }
      for (const [, href] of mail.html.matchAll(/<a href="([^"]+)"/g)) {
        expect(href).toMatch(/^https:\/\/campaign\.example\/es\//);
      }
    }
    expect(allSpanish.map((mail) => mail.subject)).toEqual([
      "Confirme su firma: Protejan a los niños en internet",
      "Su firma está esperando confirmación: Protejan a los niños en internet",
      "Usted ya firmó: Protejan a los niños en internet",
      "Su firma fue retirada: Protejan a los niños en internet",
      "No se registró un compromiso nuevo: Protejan a los niños en internet",
      "Ya es un hecho: Denunciar una cosa",
      "¿Lo hizo? Denuncie lo que vea",
    ]);
  });

  it("numbers and the pledge's words the Spanish way", () => {
    expect(allSpanish[5]!.text).toContain(
      "Usted se comprometió a “Denunciar una cosa” (parte de “Denuncie lo que vea”) en cuanto 1,000 personas",
    );
    expect(allSpanish[5]!.text).toContain(`https://campaign.example/es/pledge/report`);
    expect(allSpanish[6]!.text).toContain(`https://campaign.example/es/fulfil/${TOKEN}`);
    expect(allSpanish[6]!.text).toContain("- Denunciar una cosa");
  });

  it("English by default, at the site's root", () => {
    const english = confirmSupportMail(context, { confirm: TOKEN, withdraw: TOKEN });
    expect(english.text).toContain("Hello Ada,");
    expect(english.text).toContain("on December 1, 2026.");
    // How long the link works, as CONFIRM_TOKEN_TTL_DAYS says.
    expect(english.text).toContain("The link works for 7 days.");
    expect(english.text).toContain(`https://campaign.example/confirm/${TOKEN}`);
    expect(english.text).not.toContain("/es/");
  });
});

describe("escaping", () => {
  it("a name or title with markup is shown as text in the HTML part, never as markup", () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const mail = confirmSupportMail(
      { ...context, firstName: hostile, title: `A & B "quoted" ${hostile}`, campaignName: `Camp <b>` },
      { confirm: TOKEN, withdraw: TOKEN },
      [hostile],
    );
    expect(mail.html).not.toMatch(/<script|<img|<b>/i);
    expect(mail.html).toContain("Hello &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(mail.html).toContain("A &amp; B &quot;quoted&quot;");
    // The plain-text part keeps the words as typed.
    expect(mail.text).toContain(`Hello ${hostile},`);
  });

  it("a link cannot leave its attribute", () => {
    const mail = renderMail({
      campaignName: "C",
      subject: "s",
      heading: "h",
      greeting: "Hello,",
      blocks: [{ action: { label: "Go", url: 'https://campaign.example/"><script>x</script>' } }],
      footer: {
        reason: "r",
        privacyUrl: "https://campaign.example/privacy",
        yourDataUrl: "https://campaign.example/your-data",
      },
    });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain('href="https://campaign.example/&quot;&gt;&lt;script&gt;');
  });
});

describe("updates", () => {
  const withUpdates = confirmSupportMail(
    { ...context, unsubscribeToken: TOKEN },
    { confirm: TOKEN, withdraw: TOKEN },
  );

  it("an email to someone who asked for updates has one-click unsubscribe headers (RFC 8058) and a link to a page", () => {
    expect(withUpdates.headers).toEqual({
      "List-Unsubscribe": `<https://campaign.example/api/links/unsubscribe?token=${TOKEN}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    for (const part of both(withUpdates)) {
      expect(part).toContain("Stop updates from Stop Child Exploitation");
      expect(part).toContain(`https://campaign.example/unsubscribe/${TOKEN}`);
    }
  });

  it("the pledge's follow-up to a taker who asked for updates carries them too", () => {
    const mail = followUpMail({
      firstName: "Ada",
      pledgeTitle: "Report what you see",
      campaignName: "C",
      siteUrl,
      pledgedAt: firstSigned,
      commitments: ["Report one thing"],
      token: "f".repeat(43),
      unsubscribeToken: TOKEN,
    });
    expect(mail.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.text).toContain(`https://campaign.example/unsubscribe/${TOKEN}`);
  });

  it("an email to someone who did not has neither", () => {
    const mail = confirmSupportMail(context, { confirm: TOKEN, withdraw: TOKEN });
    expect(mail.headers).toBeUndefined();
    expect(mail.text).not.toContain("/unsubscribe/");
  });
});

describe("the sender", () => {
  it("a bare MAIL_FROM address sends in the campaign's name", () => {
    expect(senderOf("no-reply@example.org", "Stop Child Exploitation")).toEqual({
      name: "Stop Child Exploitation",
      address: "no-reply@example.org",
    });
    expect(senderOf("<no-reply@example.org>", "C")).toEqual({ name: "C", address: "no-reply@example.org" });
  });

  it("a MAIL_FROM with a display name keeps it", () => {
    expect(senderOf("Our Campaign <no-reply@example.org>", "C")).toBe("Our Campaign <no-reply@example.org>");
    expect(senderOf('"Our Campaign" <no-reply@example.org>', "C")).toBe(
      '"Our Campaign" <no-reply@example.org>',
    );
  });
});

describe("the one reminder to confirm", () => {
  it("says the signature does not count yet, with a fresh link, how long it works, and that it is the only one", () => {
    const mail = confirmReminderMail(context, TOKEN, 7);
    expect(mail.subject).toBe('Reminder: your signature on "Protect children online" is not counted yet');
    for (const part of both(mail)) {
      expect(part).toContain("You signed");
      expect(part).toContain("The link works for 7 days.");
      expect(part).toContain(`https://campaign.example/confirm/${TOKEN}`);
      expect(part).toContain("This is the only reminder we send.");
      expect(part).toContain("your details are deleted on December 31, 2026");
    }
  });

  it("to a Spanish-speaking pledge taker: in Spanish, with the Spanish page's link", () => {
    const mail = confirmReminderMail({ ...context, kind: "pledge", locale: "es" }, TOKEN, 1);
    expect(mail.subject).toBe("Recordatorio: su compromiso “Protect children online” aún no cuenta");
    for (const part of both(mail)) {
      expect(part).toContain("El enlace funciona durante 1 día.");
      expect(part).toContain(`https://campaign.example/es/confirm/${TOKEN}`);
    }
  });
});
