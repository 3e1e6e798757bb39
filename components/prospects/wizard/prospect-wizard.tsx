"use client";

// The prospect wizard and, once saved, the prospect's file: one form over the tabs « Entreprise »,
// « Suivi du dossier », « Contacts », « Adresse » and « Recommandation », saved from any tab, with
// the server-rendered « Actions », « Pièces jointes » and « Connexions » panels beside it (outside
// the form: they hold forms of their own), and « Historique » for the internal team.
import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { FormProvider, useForm, useWatch, type FieldPath, type Resolver } from "react-hook-form";
import { EmptyState } from "@/components/ui/empty-state";
import type { ProspectStatus } from "@/lib/generated/prisma/enums";
import type { InternalOptions } from "@/lib/prospects/internal-options";
import type { PartnerOption, ProspectFileInfo } from "@/lib/prospects/prospect-file";
import type { ProspectFormValues } from "@/lib/prospects/prospect-form-schema";
import { tabOfField, visibleWizardTabs, WIZARD_TABS, type WizardTab } from "@/lib/prospects/wizard-tabs";
import { saveProspectAction } from "@/lib/prospects/save-prospect-action";
import { AddressTab } from "@/components/prospects/wizard/address-tab";
import { CompanyTab } from "@/components/prospects/wizard/company-tab";
import { ContactsTab } from "@/components/prospects/wizard/contacts-tab";
import { FollowUpTab, type FollowUpOrigin } from "@/components/prospects/wizard/follow-up-tab";
import { ReadyConfirmDialog } from "@/components/prospects/wizard/ready-confirm-dialog";
import { RecommendationTab } from "@/components/prospects/wizard/recommendation-tab";
import { useUnsavedChangesGuard } from "@/components/prospects/wizard/use-unsaved-changes";
import { errorCountsByTab, firstTabWithErrors } from "@/components/prospects/wizard/wizard-errors";
import { SaveBar, SaveError, SaveNotice } from "@/components/prospects/wizard/wizard-status";
import { panelId, WizardTabPanel, WizardTabs } from "@/components/prospects/wizard/wizard-tabs";

export const FORM_ID = "prospect-wizard-form";

const loadResolver = () => import("@/components/prospects/wizard/prospect-resolver");

// The schema's chunk is fetched once the page is shown (and awaited by a quick first submit).
const resolveProspect: Resolver<ProspectFormValues> = async (values, context, options) =>
  (await loadResolver()).prospectResolver(values, context, options);

// history: null for actors who may not read it (partners): the tab is then not shown at all.
export type ServerPanels = { actions: ReactNode; attachments: ReactNode; connections: ReactNode; history: ReactNode | null };

const SAVE_FIRST: Record<"actions" | "pieces-jointes" | "connexions", string> = {
  actions: "Enregistrez d'abord le prospect pour planifier des actions (rendez-vous, appels…).",
  "pieces-jointes": "Enregistrez d'abord le prospect pour joindre des documents (dernier bilan, par exemple).",
  connexions: "Enregistrez d'abord le prospect pour consulter ses connexions (fournisseurs et clients).",
};

// The tabs whose fields the save bar saves; « Actions », « Pièces jointes », « Connexions » and
// « Historique » save (or show) on their own.
const FORM_TABS: ReadonlySet<WizardTab> = new Set(["entreprise", "suivi", "contacts", "adresse", "recommandation"]);

const NETWORK_ERROR = "L'enregistrement n'a pas abouti : vérifiez votre connexion et réessayez. Vos saisies sont conservées.";

export function ProspectWizard({
  initialValues,
  initialTab,
  storedStatus,
  editable,
  origin,
  info,
  partnerOptions,
  internalOptions,
  panels,
  initialNotice,
}: {
  initialValues: ProspectFormValues;
  initialTab: WizardTab;
  // The status as stored (null for a new prospect): moving to READY_TO_START asks first.
  storedStatus: ProspectStatus | null;
  editable: boolean;
  origin: FollowUpOrigin;
  info: ProspectFileInfo | null;
  partnerOptions: PartnerOption[] | null;
  internalOptions?: InternalOptions | null;
  // The server-rendered tabs; null until the prospect exists.
  panels: ServerPanels | null;
  initialNotice?: string | null;
}) {
  const router = useRouter();
  const creating = !initialValues.id;
  const form = useForm<ProspectFormValues>({
    defaultValues: initialValues,
    resolver: resolveProspect,
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });
  const { handleSubmit, formState, setError, reset, control } = form;
  const shownTabs = visibleWizardTabs(panels?.history != null);
  const [activeTab, setActiveTab] = useState<WizardTab>(shownTabs.includes(initialTab) ? initialTab : "entreprise");
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicateId, setDuplicateId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(initialNotice ?? null);
  const [confirming, setConfirming] = useState<ProspectFormValues | null>(null);
  const [pending, startTransition] = useTransition();
  const [focusErrorRequest, setFocusErrorRequest] = useState(0);
  const companyName = useWatch({ control, name: "name" });

  useUnsavedChangesGuard(formState.isDirty && !pending);

  // After a save, the page reloads the stored prospect (new version, ids of new contacts): that
  // becomes the form's baseline.
  const loadedKey = `${initialValues.id ?? "nouveau"}:${initialValues.version ?? 0}`;
  const lastLoadedKey = useRef(loadedKey);
  useEffect(() => {
    if (lastLoadedKey.current === loadedKey) return;
    lastLoadedKey.current = loadedKey;
    // Anything typed since the save survives the reload.
    reset(initialValues, { keepDirtyValues: true });
  }, [loadedKey, initialValues, reset]);

  // Fetch the validation chunk once the page is shown, before the user needs it.
  useEffect(() => {
    void loadResolver();
  }, []);

  const errorCounts = errorCountsByTab(formState.errors);

  const selectTab = (tab: WizardTab) => {
    setActiveTab(tab);
    const url = new URL(window.location.href);
    url.searchParams.set("onglet", tab);
    url.searchParams.delete("enregistre");
    if (tab !== "historique") url.searchParams.delete("historique");
    // Shallow: the URL says which tab is open (bookmarks, reloads) without a server round trip.
    window.history.replaceState(window.history.state, "", url);
  };

  useEffect(() => {
    if (focusErrorRequest === 0) return;
    // After the frame that shows the tab and marks the fields.
    const frame = requestAnimationFrame(() => {
      const panel = document.getElementById(panelId(activeTab));
      const field = panel?.querySelector<HTMLElement>('[aria-invalid="true"]');
      // Centred, so the sticky save bar never covers the field in error.
      field?.focus({ preventScroll: true });
      field?.scrollIntoView({ block: "center" });
    });
    return () => cancelAnimationFrame(frame);
  }, [focusErrorRequest, activeTab]);

  // « Prospect enregistré » is said once: a reload or a bookmark must not repeat it.
  // (Deferred: the router writes its own URL to the history after this first effect.)
  useEffect(() => {
    const timer = setTimeout(() => {
      const url = new URL(window.location.href);
      if (!url.searchParams.has("enregistre")) return;
      url.searchParams.delete("enregistre");
      window.history.replaceState(window.history.state, "", url);
    }, 0);
    return () => clearTimeout(timer);
  }, []);

  const showErrors = (counts: ReturnType<typeof errorCountsByTab>) => {
    if ((counts[activeTab] ?? 0) === 0) {
      const first = firstTabWithErrors(counts);
      if (first) selectTab(first);
    }
    setFocusErrorRequest((n) => n + 1);
  };

  const save = (values: ProspectFormValues, confirmReady: boolean) => {
    setFormError(null);
    setDuplicateId(null);
    setNotice(null);
    startTransition(async () => {
      let result: Awaited<ReturnType<typeof saveProspectAction>>;
      try {
        result = await saveProspectAction({ ...values, confirmReady });
      } catch {
        setConfirming(null);
        setFormError(NETWORK_ERROR);
        return;
      }
      setConfirming(null);
      if (!result.ok) {
        setFormError(result.error);
        if ("existingProspectId" in result) setDuplicateId(result.existingProspectId);
        // What was typed stays; the server's messages go under their fields.
        const paths = Object.keys(result.fieldErrors);
        for (const path of paths) {
          const message = result.fieldErrors[path]?.[0];
          if (message) setError(path as FieldPath<ProspectFormValues>, { type: "server", message });
        }
        const tabs = new Set(paths.map(tabOfField));
        const first = WIZARD_TABS.find((tab) => tabs.has(tab));
        if (first) {
          if (!tabs.has(activeTab)) selectTab(first);
          setFocusErrorRequest((n) => n + 1);
        }
        return;
      }
      // What was saved is the new baseline: leaving no longer asks, and a second save before the
      // page has reloaded is made against the new version.
      reset({ ...values, version: result.data.version });
      if (creating) {
        router.replace(`/prospects/${result.data.id}?onglet=${activeTab}&enregistre=1`);
      } else {
        setNotice("Modifications enregistrées.");
        router.refresh();
      }
    });
  };

  const onValid = (values: ProspectFormValues) => {
    if (values.status === "READY_TO_START" && storedStatus !== "READY_TO_START") {
      setConfirming(values);
      return;
    }
    save(values, false);
  };

  const panelFor = (tab: "actions" | "pieces-jointes" | "connexions") => {
    if (!panels) return <EmptyState title={SAVE_FIRST[tab]} />;
    return tab === "actions" ? panels.actions : tab === "pieces-jointes" ? panels.attachments : panels.connections;
  };

  return (
    <FormProvider {...form}>
      <div className="flex flex-col">
        {formError ? <SaveError message={formError} duplicateId={duplicateId} /> : null}
        {notice ? <SaveNotice message={notice} /> : null}

        <WizardTabs tabs={shownTabs} active={activeTab} errorCounts={errorCounts} onSelect={selectTab} />

        <form
          id={FORM_ID}
          noValidate
          aria-label={creating ? "Nouveau prospect" : "Dossier du prospect"}
          onSubmit={handleSubmit(onValid, (errors) => showErrors(errorCountsByTab(errors)))}
        >
          <WizardTabPanel tab="entreprise" active={activeTab === "entreprise"}>
            <CompanyTab editable={editable} />
          </WizardTabPanel>
          <WizardTabPanel tab="suivi" active={activeTab === "suivi"}>
            <FollowUpTab
              editable={editable}
              origin={origin}
              info={info}
              partnerOptions={partnerOptions}
              internalOptions={internalOptions}
            />
          </WizardTabPanel>
          <WizardTabPanel tab="contacts" active={activeTab === "contacts"}>
            <ContactsTab editable={editable} />
          </WizardTabPanel>
          <WizardTabPanel tab="adresse" active={activeTab === "adresse"}>
            <AddressTab editable={editable} />
          </WizardTabPanel>
          <WizardTabPanel tab="recommandation" active={activeTab === "recommandation"}>
            <RecommendationTab editable={editable} />
          </WizardTabPanel>
        </form>
        <WizardTabPanel tab="actions" active={activeTab === "actions"}>
          {panelFor("actions")}
        </WizardTabPanel>
        <WizardTabPanel tab="pieces-jointes" active={activeTab === "pieces-jointes"}>
          {panelFor("pieces-jointes")}
        </WizardTabPanel>
        <WizardTabPanel tab="connexions" active={activeTab === "connexions"}>
          {panelFor("connexions")}
        </WizardTabPanel>
        {panels?.history != null ? (
          <WizardTabPanel tab="historique" active={activeTab === "historique"}>
            {panels.history}
          </WizardTabPanel>
        ) : null}

        {editable && FORM_TABS.has(activeTab) ? (
          <SaveBar formId={FORM_ID} creating={creating} pending={pending} dirty={formState.isDirty} />
        ) : null}
      </div>

      <ReadyConfirmDialog
        open={confirming !== null}
        companyName={companyName ?? ""}
        pending={pending}
        onConfirm={() => {
          if (confirming) save(confirming, true);
        }}
        onCancel={() => setConfirming(null)}
      />
    </FormProvider>
  );
}
