<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>LeafletPreview</name>
    <message>
        <source>Patient leaflet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaflet preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper size</source>
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
        <source>Leaflet not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
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
        <source>Pre&amp;ferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
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
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
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
        <source>Contact &amp;line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Window language (after a restart)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
