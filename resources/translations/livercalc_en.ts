<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>App</name>
    <message>
        <source>Autosave is off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentPanel</name>
    <message>
        <source>Higher concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tests outstanding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low concern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot classify yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the scan: {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the history: {status}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not indicated by the rules for this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of {item}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the date of {item}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result or note for {item}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result or note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status of {item}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reasons, checklist bases and references are shown in English, the language of their clinical review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workup checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge base {version}, reviewed {date} ({status})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incomplete: no category yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete the required findings to see the category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level: {level} ({words})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags: {flags}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not indicated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditChart</name>
    <message>
        <source>Audit chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No outcome yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit: categories against outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent (any category)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the latest case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans from {start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Autosave is off: cannot use the folder {folder}: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy from {saved} that this version cannot open (Open shows its folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no scan date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, {weeks}+{days} weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incomplete, no category yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan {scan}{age}: {category}; autosaved {saved}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseDocument</name>
    <message>
        <source>Edit {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a test status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a test date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases in the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name or hospital number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name or hospital number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome &amp;due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases more than 4 weeks past their due date with no outcome recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record &amp;outcome…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} case(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashReport</name>
    <message>
        <source>Your work is autosaved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your latest changes could not be autosaved: if the window still responds, save the case now (File, Save as) under a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LiverCalc hit an unexpected error. {autosave} Please copy this report (it holds no patient details) and send it to your support contact.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>LiverCalc case (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo image (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to {name} before continuing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover unsaved cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LiverCalc closed without saving these cases. Open one to carry on with it, or discard it. Cases you leave are offered again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} was changed by another window or computer after you opened it. Saving here would replace those changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as a new file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied to the clipboard. Paste it into the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ASCII only (for record systems that garble other characters)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Patient leaflet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinician summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldEditors</name>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}, diameter {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{choice} (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: none seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record that none of these was seen (different from leaving it not recorded).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FolderImportDialog</name>
    <message>
        <source>Added {added} case(s). Skipped {skipped} file(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import case files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the case files in {folder} …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import stopped. Cases in batches already stored stay in the register.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeafletPreview</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &amp;English instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pape&amp;r:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete the findings first: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No leaflet is printed in a language whose texts are missing or out of date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft translation ({language}): not yet reviewed by a qualified medical translator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This leaflet is a draft translation ({language}). No qualified medical translator has reviewed it yet; it prints a line saying so, in both languages. Export it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft translation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{document} saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Intended use: to help obstetric sonographers and genetic counsellors explain a fetal liver calcification found on ultrasound. It shows a rule-based counselling category with its evidence, a workup checklist and a patient leaflet. It does not diagnose, and it does not replace the judgement of the clinical team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the findings on the left. The panel on the right updates as you go: the category, the reasons with their references, and the workup checklist. Set a test&apos;s status in the checklist to record offers, declines and results.

Shortcuts: Ctrl+N new case, Ctrl+O open, Ctrl+S save, Ctrl+Shift+S save as, Ctrl+E patient leaflet, Ctrl+Shift+E clinician summary, Ctrl+P print the leaflet, Ctrl+Shift+P print the summary, Ctrl+Shift+C copy the note for the record, Ctrl+Z undo, Ctrl+Shift+Z redo, F1 this help. Alt plus the underlined letter jumps to a field; Ctrl+1 to Ctrl+6 jump to a section of the form. Ctrl+Shift+N records &quot;none seen&quot; for every list of other findings; each list also has its own &quot;None seen&quot; box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge base {version} ({date})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Knowledge base {version} ({date}) — content {status}, awaiting clinical sign-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window text: draft translation, not yet reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient &amp;leaflet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinician s&amp;ummary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print leaflet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print clinician summar&amp;y…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note for the record (copy)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About LiverCalc Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No other findings seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record no other findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this new case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} cannot be opened: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaflet saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complete the findings first: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the record copied to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using LiverCalc Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} {version}

Knowledge base {kb}, reviewed {date} ({status}; {by}).

{intended}

Disclaimer: the category is a counselling aid drawn from small published series, not a personal risk. Check every result against the full clinical picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomeForm</name>
    <message>
        <source>Outcome of case {case}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {count} problem(s), shown under the fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic contact line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example: Monday to Friday 9:00 to 17:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case register database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: this computer. A department: postgresql://USER@HOST:PORT/DATABASE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window language (after a restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the &amp;English version after a translated leaflet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clinic name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact &amp;line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lo&amp;go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case &amp;register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Window language (after a restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo not used</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Saved to {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no print system (CUPS &apos;lp&apos;) was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the print system did not answer: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{printer} refused the job: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to {printer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printer {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the default printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;{value}&quot;</source>
        <comment>a choice quoted in a message</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>can only be recorded when {field} is {values}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be after the {field} ({date}), got {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most {weeks} weeks before the {field}, got {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be in the future (today is {today}), got {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most {limit} characters, got {length} characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordEditors</name>
    <message>
        <source>No date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegisterMenu</name>
    <message>
        <source>&amp;Cases…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save case to the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import a folder of case files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the case register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case register ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot search the case register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register case {case}, revision {revision}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved to the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case has {count} problem(s) to fix first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to the register: case {case}, revision {revision}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a folder of case files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot count the register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Themes</name>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
