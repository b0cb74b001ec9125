import type { ServedLocale } from "@/lib/domain/locale";

// The words of the error boundaries, which are client components and so cannot ask the server for
// their messages. Kept here rather than behind a provider, whose code every page would load; the
// "Leave quickly" words must match messages/*.json (tests/unit/messages.test.ts).
export interface ErrorMessages {
  title: string;
  explanation: string;
  retry: string;
  home: string;
  help: string;
  helpHeading: string;
  leaveQuickly: { label: string; hint: string };
}

export const ERROR_MESSAGES: Record<ServedLocale, ErrorMessages> = {
  en: {
    title: "This page didn't load",
    explanation:
      "Something went wrong on our side, not yours. Please try again in a moment. If you were signing, it is safe to sign again: each email address counts once.",
    retry: "Try again",
    home: "Go to the home page",
    help: "Get help",
    helpHeading: "Help and reporting",
    leaveQuickly: {
      label: "Leave quickly",
      hint: "Opens a weather site in place of this page. Pressing Escape twice does the same.",
    },
  },
  es: {
    title: "Esta página no se cargó",
    explanation:
      "Algo falló de nuestro lado, no del suyo. Vuelva a intentarlo en un momento. Si estaba firmando, puede firmar de nuevo sin problema: cada dirección de correo electrónico cuenta una sola vez.",
    retry: "Intentar de nuevo",
    home: "Ir a la página principal",
    help: "Pedir ayuda",
    helpHeading: "Ayuda y denuncias",
    leaveQuickly: {
      label: "Salir rápido",
      hint: "Abre un sitio del clima en lugar de esta página. Presionar Escape dos veces hace lo mismo.",
    },
  },
};
