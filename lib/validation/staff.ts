import { z } from "zod";
import { STAFF_ROLES } from "@/lib/domain/enums";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";

const email = z
  .string({ error: "Enter your email address" })
  .max(254, "Enter an email address of 254 characters or fewer")
  .refine(
    (value) => z.email().safeParse(value.trim()).success,
    "Enter an email address like name@example.com",
  );

export const passwordSignInSchema = z.object({
  email,
  password: z
    .string({ error: "Enter your password" })
    .min(1, "Enter your password")
    .max(1024, "That password is too long"),
});

export const linkRequestSchema = z.object({ email });

export const inviteSchema = z.object({
  email,
  role: z.enum(STAFF_ROLES, { error: "Choose a role" }),
});

export const newPasswordSchema = z.object({
  password: z
    .string({ error: "Enter a password" })
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(1024, "Use at most 1,024 characters"),
});
