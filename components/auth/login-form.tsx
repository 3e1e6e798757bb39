"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { controlClasses, Field } from "@/components/ui/field";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { loginSchema, signInErrorMessage, SIGN_IN_FAILED_MESSAGE, type LoginInput, type LoginValues } from "@/lib/auth/schemas";

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string | null }) {
  const [formError, setFormError] = useState<string | null>(initialError ?? null);
  const [redirecting, setRedirecting] = useState(false);
  const {
    register,
    handleSubmit,
    resetField,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput, unknown, LoginValues>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: "", password: "" },
  });

  async function onSubmit(values: LoginValues) {
    setFormError(null);
    let message: string | null;
    try {
      const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
      message = result?.ok && !result.error ? null : (signInErrorMessage(result?.error) ?? SIGN_IN_FAILED_MESSAGE);
    } catch {
      message = SIGN_IN_FAILED_MESSAGE;
    }
    if (message) {
      // The e-mail stays as typed; the password is cleared for the next try.
      setFormError(message);
      resetField("password");
      setFocus("password");
      return;
    }
    setRedirecting(true);
    // A full page load, so every server component renders with the new session cookie.
    window.location.assign(safeCallbackUrl(callbackUrl));
  }

  const busy = isSubmitting || redirecting;

  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="flex flex-col gap-5">
      {/* Always in the page, so screen readers announce the message when it appears. */}
      <div role="alert" aria-atomic="true">
        {formError ? (
          <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{formError}</p>
        ) : null}
      </div>

      <Field id="email" label="Adresse e-mail">
        <input
          id="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "email-erreur" : undefined}
          className={controlClasses}
          {...register("email")}
        />
        {errors.email ? (
          <p id="email-erreur" className="text-sm text-red-700">
            {errors.email.message}
          </p>
        ) : null}
      </Field>

      <Field id="password" label="Mot de passe">
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "password-erreur" : undefined}
          className={controlClasses}
          {...register("password")}
        />
        {errors.password ? (
          <p id="password-erreur" className="text-sm text-red-700">
            {errors.password.message}
          </p>
        ) : null}
      </Field>

      <Button type="submit" disabled={busy} aria-busy={busy} className="w-full">
        {busy ? "Connexion en cours…" : "Se connecter"}
      </Button>
    </form>
  );
}
