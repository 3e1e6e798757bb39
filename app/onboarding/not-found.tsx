import { InvalidLinkMessage } from "@/components/onboarding/invalid-link-message";

// Any onboarding URL that does not lead to a valid session ends here, with a 404.
export default function OnboardingNotFound() {
  return <InvalidLinkMessage />;
}
