<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>App</name>
    <message>
        <source>Autosave is off</source>
        <translation>El autoguardado está desactivado</translation>
    </message>
</context>
<context>
    <name>AssessmentPanel</name>
    <message>
        <source>Higher concern</source>
        <translation>Mayor preocupación</translation>
    </message>
    <message>
        <source>Tests outstanding</source>
        <translation>Pruebas pendientes</translation>
    </message>
    <message>
        <source>Low concern</source>
        <translation>Baja preocupación</translation>
    </message>
    <message>
        <source>Cannot classify yet</source>
        <translation>Aún no se puede clasificar</translation>
    </message>
    <message>
        <source>high</source>
        <translation>alto</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>intermedio</translation>
    </message>
    <message>
        <source>low</source>
        <translation>bajo</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Do</source>
        <translation>Realizar</translation>
    </message>
    <message>
        <source>Offer</source>
        <translation>Ofrecer</translation>
    </message>
    <message>
        <source>Consider</source>
        <translation>Considerar</translation>
    </message>
    <message>
        <source>From the scan: {status}.</source>
        <translation>Según la ecografía: {status}.</translation>
    </message>
    <message>
        <source>From the history: {status}.</source>
        <translation>Según los antecedentes: {status}.</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>aprobado</translation>
    </message>
    <message>
        <source>Not indicated by the rules for this case.</source>
        <translation>Las reglas no lo indican en este caso.</translation>
    </message>
    <message>
        <source>Date of {item}</source>
        <translation>Fecha de: {item}</translation>
    </message>
    <message>
        <source>Clear date</source>
        <translation>Borrar fecha</translation>
    </message>
    <message>
        <source>Clear the date of {item}</source>
        <translation>Borrar la fecha de: {item}</translation>
    </message>
    <message>
        <source>Result or note for {item}</source>
        <translation>Resultado o nota de: {item}</translation>
    </message>
    <message>
        <source>Result or note</source>
        <translation>Resultado o nota</translation>
    </message>
    <message>
        <source>Status of {item}</source>
        <translation>Estado de: {item}</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <source>Risk category</source>
        <translation>Categoría de riesgo</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Reasons, checklist bases and references are shown in English, the language of their clinical review.</source>
        <translation>Los motivos, las bases de la lista de estudios y sus referencias se muestran en inglés, el idioma de su revisión clínica.</translation>
    </message>
    <message>
        <source>Workup checklist</source>
        <translation>Lista de estudios</translation>
    </message>
    <message>
        <source>Knowledge base {version}, reviewed {date} ({status})</source>
        <translation>Base de conocimiento {version}, revisada el {date} ({status})</translation>
    </message>
    <message>
        <source>Incomplete: no category yet</source>
        <translation>Incompleto: aún sin categoría</translation>
    </message>
    <message>
        <source>Complete the required findings to see the category.</source>
        <translation>Complete los hallazgos obligatorios para ver la categoría.</translation>
    </message>
    <message>
        <source>Level: {level} ({words})</source>
        <translation>Nivel: {level} ({words})</translation>
    </message>
    <message>
        <source>Flags: {flags}</source>
        <translation>Alertas: {flags}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Not indicated</source>
        <translation>No indicado</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrado</translation>
    </message>
</context>
<context>
    <name>AuditChart</name>
    <message>
        <source>Audit chart</source>
        <translation>Gráfico de la auditoría</translation>
    </message>
    <message>
        <source>No outcome yet</source>
        <translation>Aún sin desenlace</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit: categories against outcomes</source>
        <translation>Auditoría: categorías frente a desenlaces</translation>
    </message>
    <message>
        <source>Scans from</source>
        <translation>Ecografías desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Guardar como &amp;PDF…</translation>
    </message>
    <message>
        <source>Audit table</source>
        <translation>Tabla de la auditoría</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>Outcome recorded</source>
        <translation>Desenlace registrado</translation>
    </message>
    <message>
        <source>Urgent (any category)</source>
        <translation>Urgente (cualquier categoría)</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Todos los casos</translation>
    </message>
    <message>
        <source>the first case</source>
        <translation>el primer caso</translation>
    </message>
    <message>
        <source>the latest case</source>
        <translation>el último caso</translation>
    </message>
    <message>
        <source>Scans from {start} to {end}</source>
        <translation>Ecografías desde {start} hasta {end}</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <source>Autosave is off: cannot use the folder {folder}: {reason}.</source>
        <translation>El autoguardado está desactivado: no se puede usar la carpeta {folder}: {reason}.</translation>
    </message>
    <message>
        <source>A copy from {saved} that this version cannot open (Open shows its folder)</source>
        <translation>Una copia del {saved} que esta versión no puede abrir («Abrir» muestra su carpeta)</translation>
    </message>
    <message>
        <source>no scan date</source>
        <translation>sin fecha de ecografía</translation>
    </message>
    <message>
        <source>, {weeks}+{days} weeks</source>
        <translation>, {weeks}+{days} semanas</translation>
    </message>
    <message>
        <source>incomplete, no category yet</source>
        <translation>incompleto, aún sin categoría</translation>
    </message>
    <message>
        <source>Scan {scan}{age}: {category}; autosaved {saved}</source>
        <translation>Ecografía {scan}{age}: {category}; autoguardado {saved}</translation>
    </message>
</context>
<context>
    <name>CaseDocument</name>
    <message>
        <source>Edit {field}</source>
        <translation>Editar: {field}</translation>
    </message>
    <message>
        <source>Record a test status</source>
        <translation>Registrar el estado de una prueba</translation>
    </message>
    <message>
        <source>Record a test result</source>
        <translation>Registrar el resultado de una prueba</translation>
    </message>
    <message>
        <source>Record a test date</source>
        <translation>Registrar la fecha de una prueba</translation>
    </message>
</context>
<context>
    <name>CasesView</name>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Hospital number</source>
        <translation>N.º de historia</translation>
    </message>
    <message>
        <source>Scan date</source>
        <translation>Fecha de ecografía</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Fecha prevista de parto</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgente</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Desenlace</translation>
    </message>
    <message>
        <source>Cases in the register</source>
        <translation>Casos del registro</translation>
    </message>
    <message>
        <source>Name or hospital number</source>
        <translation>Nombre o n.º de historia</translation>
    </message>
    <message>
        <source>Search by name or hospital number</source>
        <translation>Buscar por nombre o número de historia</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Todas las categorías</translation>
    </message>
    <message>
        <source>Scan from</source>
        <translation>Ecografía desde</translation>
    </message>
    <message>
        <source>Scan to</source>
        <translation>Ecografía hasta</translation>
    </message>
    <message>
        <source>Outcome &amp;due</source>
        <translation>Desenlace &amp;pendiente</translation>
    </message>
    <message>
        <source>Cases more than 4 weeks past their due date with no outcome recorded</source>
        <translation>Casos con más de 4 semanas desde la fecha prevista de parto y sin desenlace registrado</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Casos</translation>
    </message>
    <message>
        <source>&amp;Open case</source>
        <translation>&amp;Abrir caso</translation>
    </message>
    <message>
        <source>Record &amp;outcome…</source>
        <translation>&amp;Registrar desenlace…</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Aún no</translation>
    </message>
    <message>
        <source>{count} case(s)</source>
        <translation>{count} caso(s)</translation>
    </message>
</context>
<context>
    <name>CrashReport</name>
    <message>
        <source>Your work is autosaved.</source>
        <translation>Su trabajo está autoguardado.</translation>
    </message>
    <message>
        <source>Your latest changes could not be autosaved: if the window still responds, save the case now (File, Save as) under a new name.</source>
        <translation>No se pudieron autoguardar los últimos cambios: si la ventana aún responde, guarde ahora el caso con otro nombre (Archivo, Guardar como).</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Algo ha fallado</translation>
    </message>
    <message>
        <source>LiverCalc hit an unexpected error. {autosave} Please copy this report (it holds no patient details) and send it to your support contact.</source>
        <translation>LiverCalc ha tenido un error inesperado. {autosave} Copie este informe (no contiene datos de la paciente) y envíelo a su contacto de soporte. El informe está en inglés para el equipo de soporte.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>LiverCalc case (*.json)</source>
        <translation>Caso de LiverCalc (*.json)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Documento PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Logo image (*.png *.jpg *.jpeg)</source>
        <translation>Imagen del logotipo (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Abrir caso</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Save the changes to {name} before continuing?</source>
        <translation>¿Guardar los cambios de {name} antes de continuar?</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Descartar cambios</translation>
    </message>
    <message>
        <source>Recover unsaved cases</source>
        <translation>Recuperar casos sin guardar</translation>
    </message>
    <message>
        <source>LiverCalc closed without saving these cases. Open one to carry on with it, or discard it. Cases you leave are offered again next time.</source>
        <translation>LiverCalc se cerró sin guardar estos casos. Abra uno para seguir con él o descártelo. Los casos que deje se ofrecerán de nuevo la próxima vez.</translation>
    </message>
    <message>
        <source>Unsaved cases</source>
        <translation>Casos sin guardar</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>Más &amp;tarde</translation>
    </message>
    <message>
        <source>File changed on disk</source>
        <translation>El archivo ha cambiado en el disco</translation>
    </message>
    <message>
        <source>{name} was changed by another window or computer after you opened it. Saving here would replace those changes.</source>
        <translation>Otra ventana u otro ordenador cambió {name} después de que usted lo abriera. Guardar aquí reemplazaría esos cambios.</translation>
    </message>
    <message>
        <source>&amp;Replace it</source>
        <translation>&amp;Reemplazarlo</translation>
    </message>
    <message>
        <source>Save &amp;as a new file…</source>
        <translation>Guardar &amp;como archivo nuevo…</translation>
    </message>
    <message>
        <source>Error report</source>
        <translation>Informe de error</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>&amp;Copiar informe</translation>
    </message>
    <message>
        <source>Choose logo</source>
        <translation>Elegir logotipo</translation>
    </message>
    <message>
        <source>Note for the record</source>
        <translation>Nota para la historia clínica</translation>
    </message>
    <message>
        <source>Copied to the clipboard. Paste it into the record.</source>
        <translation>Copiada al portapapeles. Péguela en la historia clínica.</translation>
    </message>
    <message>
        <source>&amp;ASCII only (for record systems that garble other characters)</source>
        <translation>Solo &amp;ASCII (para sistemas de historia clínica que estropean otros caracteres)</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Patient leaflet</source>
        <translation>Folleto para la paciente</translation>
    </message>
    <message>
        <source>Clinician summary</source>
        <translation>Resumen para el profesional</translation>
    </message>
</context>
<context>
    <name>FieldEditors</name>
    <message>
        <source>Not recorded</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Clear {field}</source>
        <translation>Borrar {field}</translation>
    </message>
    <message>
        <source>{field}, diameter {number}</source>
        <translation>{field}, diámetro {number}</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{choice} (default)</source>
        <translation>{choice} (por defecto)</translation>
    </message>
    <message>
        <source>None seen</source>
        <translation>Sin hallazgos</translation>
    </message>
    <message>
        <source>{field}: none seen</source>
        <translation>{field}: sin hallazgos</translation>
    </message>
    <message>
        <source>Record that none of these was seen (different from leaving it not recorded).</source>
        <translation>Registra que no se vio nada de esto (no es lo mismo que dejarlo sin registrar).</translation>
    </message>
</context>
<context>
    <name>FolderImportDialog</name>
    <message>
        <source>Added {added} case(s). Skipped {skipped} file(s).</source>
        <translation>Añadidos {added} caso(s). Omitidos {skipped} archivo(s).</translation>
    </message>
    <message>
        <source>Import case files</source>
        <translation>Importar archivos de casos</translation>
    </message>
    <message>
        <source>Importing the case files in {folder} …</source>
        <translation>Importando los archivos de casos de {folder}…</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Progreso de la importación</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>Resumen de la importación</translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation>Importación terminada.</translation>
    </message>
    <message>
        <source>Import stopped. Cases in batches already stored stay in the register.</source>
        <translation>Importación detenida. Los casos de los lotes ya guardados siguen en el registro.</translation>
    </message>
</context>
<context>
    <name>LeafletPreview</name>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Document preview</source>
        <translation>Vista previa del documento</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
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
        <translation>Im&amp;primir…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Documento:</translation>
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
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
    <message>
        <source>{document} saved to {path}</source>
        <translation>{document} guardado en {path}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Intended use: to help obstetric sonographers and genetic counsellors explain a fetal liver calcification found on ultrasound. It shows a rule-based counselling category with its evidence, a workup checklist and a patient leaflet. It does not diagnose, and it does not replace the judgement of the clinical team.</source>
        <translation>Uso previsto: ayudar a ecografistas obstétricos y asesores genéticos a explicar una calcificación hepática fetal vista en la ecografía. Muestra una categoría de asesoramiento basada en reglas, con su evidencia, una lista de estudios y un folleto para la paciente. No diagnostica y no sustituye el criterio del equipo clínico.</translation>
    </message>
    <message>
        <source>Enter the findings on the left. The panel on the right updates as you go: the category, the reasons with their references, and the workup checklist. Set a test&apos;s status in the checklist to record offers, declines and results.

Shortcuts: Ctrl+N new case, Ctrl+O open, Ctrl+S save, Ctrl+Shift+S save as, Ctrl+E patient leaflet, Ctrl+Shift+E clinician summary, Ctrl+P print the leaflet, Ctrl+Shift+P print the summary, Ctrl+Shift+C copy the note for the record, Ctrl+Z undo, Ctrl+Shift+Z redo, F1 this help. Alt plus the underlined letter jumps to a field; Ctrl+1 to Ctrl+6 jump to a section of the form. Ctrl+Shift+N records &quot;none seen&quot; for every list of other findings; each list also has its own &quot;None seen&quot; box.</source>
        <translation>Introduzca los hallazgos a la izquierda. El panel de la derecha se actualiza sobre la marcha: la categoría, los motivos con sus referencias (en inglés) y la lista de estudios. Indique el estado de una prueba en la lista para registrar ofrecimientos, rechazos y resultados.

Atajos: Ctrl+N caso nuevo, Ctrl+O abrir, Ctrl+S guardar, Ctrl+Mayús+S guardar como, Ctrl+E folleto para la paciente, Ctrl+Mayús+E resumen para el profesional, Ctrl+P imprimir el folleto, Ctrl+Mayús+P imprimir el resumen, Ctrl+Mayús+C copiar la nota para la historia, Ctrl+Z deshacer, Ctrl+Mayús+Z rehacer, F1 esta ayuda. Alt más la letra subrayada salta a un campo; de Ctrl+1 a Ctrl+6 saltan a una sección del formulario. Ctrl+Mayús+N registra «sin hallazgos» en todas las listas de otros hallazgos; cada lista tiene además su propia casilla «Sin hallazgos».</translation>
    </message>
    <message>
        <source>Knowledge base {version} ({date})</source>
        <translation>Base de conocimiento {version} ({date})</translation>
    </message>
    <message>
        <source>Knowledge base {version} ({date}) — content {status}, awaiting clinical sign-off</source>
        <translation>Base de conocimiento {version} ({date}) — contenido en {status}, pendiente de aprobación clínica</translation>
    </message>
    <message>
        <source>Window text: draft translation, not yet reviewed</source>
        <translation>Textos de la ventana: traducción en borrador, aún sin revisar</translation>
    </message>
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
        <source>Clinician s&amp;ummary…</source>
        <translation>Resu&amp;men para el profesional…</translation>
    </message>
    <message>
        <source>&amp;Print leaflet…</source>
        <translation>&amp;Imprimir folleto…</translation>
    </message>
    <message>
        <source>Print clinician summar&amp;y…</source>
        <translation>Imprimir res&amp;umen para el profesional…</translation>
    </message>
    <message>
        <source>&amp;Note for the record (copy)…</source>
        <translation>Nota para la &amp;historia (copiar)…</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>Pr&amp;eferencias…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Registro</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;About LiverCalc Desktop</source>
        <translation>&amp;Acerca de LiverCalc Desktop</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;No other findings seen</source>
        <translation>&amp;No se ven otros hallazgos</translation>
    </message>
    <message>
        <source>&amp;Go to section</source>
        <translation>&amp;Ir a la sección</translation>
    </message>
    <message>
        <source>Record no other findings</source>
        <translation>Registrar que no hay otros hallazgos</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Vaciar la lista</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>No hay archivos recientes</translation>
    </message>
    <message>
        <source>Untitled case</source>
        <translation>Caso sin título</translation>
    </message>
    <message>
        <source>this new case</source>
        <translation>este caso nuevo</translation>
    </message>
    <message>
        <source>{file} cannot be opened: {problem}</source>
        <translation>No se puede abrir {file}: {problem}</translation>
    </message>
    <message>
        <source>Cannot open case</source>
        <translation>No se puede abrir el caso</translation>
    </message>
    <message>
        <source>Case not saved</source>
        <translation>Caso no guardado</translation>
    </message>
    <message>
        <source>Leaflet saved to {path}</source>
        <translation>Folleto guardado en {path}</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>No impreso</translation>
    </message>
    <message>
        <source>Case incomplete</source>
        <translation>Caso incompleto</translation>
    </message>
    <message>
        <source>Complete the findings first: {problem}</source>
        <translation>Complete primero los hallazgos: {problem}</translation>
    </message>
    <message>
        <source>No note</source>
        <translation>Sin nota</translation>
    </message>
    <message>
        <source>Note for the record copied to the clipboard</source>
        <translation>Nota para la historia copiada al portapapeles</translation>
    </message>
    <message>
        <source>Using LiverCalc Desktop</source>
        <translation>Cómo usar LiverCalc Desktop</translation>
    </message>
    <message>
        <source>{app} {version}

Knowledge base {kb}, reviewed {date} ({status}; {by}).

{intended}

Disclaimer: the category is a counselling aid drawn from small published series, not a personal risk. Check every result against the full clinical picture.</source>
        <translation>{app} {version}

Base de conocimiento {kb}, revisada el {date} ({status}; {by}).

{intended}

Aviso: la categoría es una ayuda para el asesoramiento, basada en series publicadas pequeñas; no es un riesgo personal. Contraste cada resultado con el cuadro clínico completo.</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>Acerca de {app}</translation>
    </message>
</context>
<context>
    <name>OutcomeForm</name>
    <message>
        <source>Outcome of case {case}</source>
        <translation>Desenlace del caso {case}</translation>
    </message>
    <message>
        <source>Not saved: {count} problem(s), shown under the fields.</source>
        <translation>No guardado: {count} problema(s), indicados bajo los campos.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>No guardado: {reason}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nombre del centro</translation>
    </message>
    <message>
        <source>Clinic address</source>
        <translation>Dirección del centro</translation>
    </message>
    <message>
        <source>Clinic phone</source>
        <translation>Teléfono del centro</translation>
    </message>
    <message>
        <source>Clinic contact line</source>
        <translation>Línea de contacto del centro</translation>
    </message>
    <message>
        <source>For example: Monday to Friday 9:00 to 17:00</source>
        <translation>Por ejemplo: de lunes a viernes de 9:00 a 17:00</translation>
    </message>
    <message>
        <source>Logo file</source>
        <translation>Archivo del logotipo</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Sin logotipo</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Case register database</source>
        <translation>Base de datos del registro de casos</translation>
    </message>
    <message>
        <source>Empty: this computer. A department: postgresql://USER@HOST:PORT/DATABASE</source>
        <translation>Vacío: este ordenador. Un servicio: postgresql://USUARIO@HOST:PUERTO/BASE</translation>
    </message>
    <message>
        <source>Window language (after a restart)</source>
        <translation>Idioma de la ventana (tras reiniciar)</translation>
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
        <translation>Nombre del &amp;centro</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Teléfono</translation>
    </message>
    <message>
        <source>Contact &amp;line</source>
        <translation>&amp;Línea de contacto</translation>
    </message>
    <message>
        <source>Lo&amp;go</source>
        <translation>Lo&amp;gotipo</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>&amp;Papel</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>T&amp;ema</translation>
    </message>
    <message>
        <source>Case &amp;register</source>
        <translation>&amp;Registro de casos</translation>
    </message>
    <message>
        <source>&amp;Window language (after a restart)</source>
        <translation>Idioma de la &amp;ventana (tras reiniciar)</translation>
    </message>
    <message>
        <source>Logo not used</source>
        <translation>Logotipo no usado</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Saved to {file}</source>
        <translation>Guardado en {file}</translation>
    </message>
    <message>
        <source>no print system (CUPS &apos;lp&apos;) was found</source>
        <translation>no se encontró ningún sistema de impresión (CUPS &apos;lp&apos;)</translation>
    </message>
    <message>
        <source>the print system did not answer: {reason}</source>
        <translation>el sistema de impresión no respondió: {reason}</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>sin motivo indicado</translation>
    </message>
    <message>
        <source>{printer} refused the job: {reason}</source>
        <translation>{printer} rechazó el trabajo: {reason}</translation>
    </message>
    <message>
        <source>Sent to {printer}</source>
        <translation>Enviado a {printer}</translation>
    </message>
    <message>
        <source>printer {name}</source>
        <translation>la impresora {name}</translation>
    </message>
    <message>
        <source>the default printer</source>
        <translation>la impresora predeterminada</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>No impreso</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>is required</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>&quot;{value}&quot;</source>
        <comment>a choice quoted in a message</comment>
        <translation>«{value}»</translation>
    </message>
    <message>
        <source>can only be recorded when {field} is {values}</source>
        <translation>solo se puede registrar si «{field}» es {values}</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>must not be after the {field} ({date}), got {value}</source>
        <translation>no puede ser posterior a «{field}» ({date}); se indicó {value}</translation>
    </message>
    <message>
        <source>must be at most {weeks} weeks before the {field}, got {value}</source>
        <translation>no puede ser más de {weeks} semanas anterior a «{field}»; se indicó {value}</translation>
    </message>
    <message>
        <source>must not be in the future (today is {today}), got {value}</source>
        <translation>no puede ser una fecha futura (hoy es {today}); se indicó {value}</translation>
    </message>
    <message>
        <source>must be at most {limit} characters, got {length} characters</source>
        <translation>admite como máximo {limit} caracteres; tiene {length}</translation>
    </message>
</context>
<context>
    <name>RecordEditors</name>
    <message>
        <source>No date</source>
        <translation>Sin fecha</translation>
    </message>
</context>
<context>
    <name>RegisterMenu</name>
    <message>
        <source>&amp;Cases…</source>
        <translation>&amp;Casos…</translation>
    </message>
    <message>
        <source>&amp;Save case to the register</source>
        <translation>&amp;Guardar el caso en el registro</translation>
    </message>
    <message>
        <source>&amp;Import a folder of case files…</source>
        <translation>&amp;Importar una carpeta de casos…</translation>
    </message>
    <message>
        <source>&amp;Audit…</source>
        <translation>&amp;Auditoría…</translation>
    </message>
    <message>
        <source>Cannot open the case register</source>
        <translation>No se puede abrir el registro de casos</translation>
    </message>
    <message>
        <source>Case register ready</source>
        <translation>Registro de casos listo</translation>
    </message>
    <message>
        <source>Cannot search the case register</source>
        <translation>No se puede buscar en el registro de casos</translation>
    </message>
    <message>
        <source>Cannot open the case</source>
        <translation>No se puede abrir el caso</translation>
    </message>
    <message>
        <source>Register case {case}, revision {revision}</source>
        <translation>Caso del registro {case}, revisión {revision}</translation>
    </message>
    <message>
        <source>Not saved to the register</source>
        <translation>No guardado en el registro</translation>
    </message>
    <message>
        <source>The case has {count} problem(s) to fix first.</source>
        <translation>Antes hay que corregir {count} problema(s) del caso.</translation>
    </message>
    <message>
        <source>Saved to the register: case {case}, revision {revision}</source>
        <translation>Guardado en el registro: caso {case}, revisión {revision}</translation>
    </message>
    <message>
        <source>Import a folder of case files</source>
        <translation>Importar una carpeta de casos</translation>
    </message>
    <message>
        <source>Cannot count the register</source>
        <translation>No se puede hacer el recuento del registro</translation>
    </message>
    <message>
        <source>Audit not saved</source>
        <translation>Auditoría no guardada</translation>
    </message>
</context>
<context>
    <name>Themes</name>
    <message>
        <source>Follow the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
</context>
</TS>
