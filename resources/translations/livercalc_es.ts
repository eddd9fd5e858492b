<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es">
<context>
    <name>LeafletPreview</name>
    <message>
        <source>Patient leaflet</source>
        <translation>Folleto para la paciente</translation>
    </message>
    <message>
        <source>Leaflet preview</source>
        <translation>Vista previa del folleto</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>Use &amp;English instead</source>
        <translation>Usar &amp;inglés en su lugar</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Guardar PDF…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Pape&amp;r:</source>
        <translation>Pape&amp;l:</translation>
    </message>
    <message>
        <source>Complete the findings first: {problem}</source>
        <translation>Complete primero los hallazgos: {problem}</translation>
    </message>
    <message>
        <source>No leaflet is printed in a language whose texts are missing or out of date.</source>
        <translation>No se imprime ningún folleto en un idioma cuyos textos faltan o están desactualizados.</translation>
    </message>
    <message>
        <source>Draft translation ({language}): not yet reviewed by a qualified medical translator.</source>
        <translation>Traducción en borrador ({language}): todavía no la ha revisado un traductor médico cualificado.</translation>
    </message>
    <message>
        <source>This leaflet is a draft translation ({language}). No qualified medical translator has reviewed it yet; it prints a line saying so, in both languages. Export it anyway?</source>
        <translation>Este folleto es una traducción en borrador ({language}). Todavía no la ha revisado un traductor médico cualificado; el folleto lo dice en una línea, en los dos idiomas. ¿Exportarlo de todos modos?</translation>
    </message>
    <message>
        <source>Draft translation</source>
        <translation>Traducción en borrador</translation>
    </message>
    <message>
        <source>Leaflet not saved</source>
        <translation>Folleto no guardado</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New case</source>
        <translation>&amp;Nuevo caso</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Guardar &amp;como…</translation>
    </message>
    <message>
        <source>Patient &amp;leaflet…</source>
        <translation>&amp;Folleto para la paciente…</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>Pre&amp;ferencias…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About LiverCalc Desktop</source>
        <translation>&amp;Acerca de LiverCalc Desktop</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <source>Add the &amp;English version after a translated leaflet</source>
        <translation>Añadir la versión en &amp;inglés después de un folleto traducido</translation>
    </message>
    <message>
        <source>&amp;Clinic name</source>
        <translation>Nombre de la &amp;clínica</translation>
    </message>
    <message>
        <source>Contact &amp;line</source>
        <translation>&amp;Línea de contacto</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>&amp;Papel</translation>
    </message>
    <message>
        <source>&amp;Window language (after a restart)</source>
        <translation>Idioma de la &amp;ventana (tras reiniciar)</translation>
    </message>
</context>
</TS>