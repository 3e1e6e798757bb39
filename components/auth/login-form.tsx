"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { controlClasses, Field } from "@/components/ui/field";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { rememberDeviceAction } from "@/lib/accounts/mfa-actions";
import {
  loginSchema,
  MFA_INVALID_ERROR_CODE,
  MFA_REQUIRED_ERROR_CODE,
  signInErrorMessage,
  SIGN_IN_FAILED_MESSAGE,
  type LoginInput,
  type LoginValues,
} from "@/lib/auth/schemas";

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string | null }) {
  const [formError, setFormError] = useState<string | null>(initialError ?? null);
  const [redirecting, setRedirecting] = useState(false);
  // Shown once the password was accepted for an account with a second factor.
  const [askCode, setAskCode] = useState(false);
  const {
    register,
    handleSubmit,
    resetField,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput, unknown, LoginValues>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: "", password: "", code: "" },
  });

  async function onSubmit(values: LoginValues) {
    setFormError(null);
    let message: string | null;
    let errorCode: string | null | undefined = null;
    try {
      const result = await signIn("credentials", { email: values.email, password: values.password, code: values.code ?? "", redirect: false });
      errorCode = result?.error;
      message = result?.ok && !result.error ? null : (signInErrorMessage(result?.error) ?? SIGN_IN_FAILED_MESSAGE);
    } catch {
      message = SIGN_IN_FAILED_MESSAGE;
    }
    if (errorCode === MFA_REQUIRED_ERROR_CODE || errorCode === MFA_INVALID_ERROR_CODE) {
      // The password stays (it was right); only the code is asked for (again).
      setFormError(message);
      setAskCode(true);
      resetField("code");
      setTimeout(() => setFocus("code"), 0);
      return;
    }
    if (message) {
      // The e-mail stays as typed; the password is cleared for the next try.
      setFormError(message);
      resetField("password");
      setFocus("password");
      return;
    }
    setRedirecting(true);
    // This browser is now known for the account: its own failed tries no longer share the
    // account-wide block that strangers cause. A failure here only loses that benefit.
    await rememberDeviceAction().catch(() => undefined);
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

      {askCode ? (
        <Field id="code" label="Code de vérification">
          <input
            id="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            aria-invalid={errors.code ? true : undefined}
            aria-describedby="code-aide"
            className={controlClasses}
            {...register("code")}
          />
          <p id="code-aide" className="text-xs text-slate-500">
            Le code à 6 chiffres de votre application, ou l&apos;un de vos codes de secours.
          </p>
        </Field>
      ) : null}

      <Button type="submit" disabled={busy} aria-busy={busy} className="w-full">
        {busy ? "Connexion en cours…" : "Se connecter"}
      </Button>
    </form>
  );
}
