// Posts the onboarding form with XMLHttpRequest rather than fetch: only XHR reports upload
// progress, and three phone photos on a slow network deserve a progress bar.
export type SendResult =
  | { ok: true; redirectTo: string }
  | { ok: false; error: string; fieldErrors: Record<string, string[]>; invalidLink?: boolean };

export const NETWORK_ERROR_MESSAGE =
  "L'envoi n'a pas abouti : vérifiez votre connexion puis réessayez. Vos informations sont conservées.";

export function sendOnboardingForm(url: string, body: FormData, onProgress: (fraction: number) => void): Promise<SendResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const response = xhr.response as SendResult | null;
      if (response && typeof response === "object" && "ok" in response) resolve(response);
      else resolve({ ok: false, error: NETWORK_ERROR_MESSAGE, fieldErrors: {} });
    };
    xhr.onerror = () => resolve({ ok: false, error: NETWORK_ERROR_MESSAGE, fieldErrors: {} });
    xhr.ontimeout = xhr.onerror;
    xhr.send(body);
  });
}
