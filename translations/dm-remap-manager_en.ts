<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Health</name>
    <message numerus="yes">
        <source>%Ln sector(s) have already been replaced by the disk.</source>
        <translation>
            <numerusform>%Ln sector has already been replaced by the disk.</numerusform>
            <numerusform>%Ln sectors have already been replaced by the disk.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln sector(s) could not be read.</source>
        <translation>
            <numerusform>%Ln sector could not be read.</numerusform>
            <numerusform>%Ln sectors could not be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln bad block(s) on the main disk have been moved to the spare.</source>
        <translation>
            <numerusform>%Ln bad block on the main disk has been moved to the spare.</numerusform>
            <numerusform>%Ln bad blocks on the main disk have been moved to the spare.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s) could not be read and will be moved when next written.</source>
        <translation>
            <numerusform>%Ln block could not be read and will be moved when next written.</numerusform>
            <numerusform>%Ln blocks could not be read and will be moved when next written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message numerus="yes">
        <source>%Ln block(s) moved from sectors %1 to %2.</source>
        <translation>
            <numerusform>%Ln block moved from sectors %1 to %2.</numerusform>
            <numerusform>%Ln blocks moved from sectors %1 to %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message numerus="yes">
        <source>%Ln new bad block(s) on the main disk were moved to the spare.</source>
        <translation>
            <numerusform>%Ln new bad block on the main disk was moved to the spare.</numerusform>
            <numerusform>%Ln new bad blocks on the main disk were moved to the spare.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s) could not be read; they will be moved when written again.</source>
        <translation>
            <numerusform>%Ln block could not be read; it will be moved when written again.</numerusform>
            <numerusform>%Ln blocks could not be read; they will be moved when written again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In total %Ln block(s) have been moved. Your data is safe, but the main disk is wearing out.</source>
        <translation>
            <numerusform>In total %Ln block has been moved. Your data is safe, but the main disk is wearing out.</numerusform>
            <numerusform>In total %Ln blocks have been moved. Your data is safe, but the main disk is wearing out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message numerus="yes">
        <source>%Ln hour(s)</source>
        <translation>
            <numerusform>%Ln hour</numerusform>
            <numerusform>%Ln hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PairWizard</name>
    <message numerus="yes">
        <source>room for %Ln bad block(s)</source>
        <translation>
            <numerusform>room for %Ln bad block</numerusform>
            <numerusform>room for %Ln bad blocks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemapMapWidget</name>
    <message numerus="yes">
        <source>%Ln block(s) moved to the spare</source>
        <translation>
            <numerusform>%Ln block moved to the spare</numerusform>
            <numerusform>%Ln blocks moved to the spare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln unreadable block(s) waiting</source>
        <translation>
            <numerusform>%Ln unreadable block waiting</numerusform>
            <numerusform>%Ln unreadable blocks waiting</numerusform>
        </translation>
    </message>
</context>
</TS>
