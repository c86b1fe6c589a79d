<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Health</name>
    <message numerus="yes">
        <source>%n sector(s) have already been replaced by the disk.</source>
        <translation>
            <numerusform>%n sector has already been replaced by the disk.</numerusform>
            <numerusform>%n sectors have already been replaced by the disk.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sector(s) could not be read.</source>
        <translation>
            <numerusform>%n sector could not be read.</numerusform>
            <numerusform>%n sectors could not be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bad block(s) on the main disk have been moved to the spare.</source>
        <translation>
            <numerusform>%n bad block on the main disk has been moved to the spare.</numerusform>
            <numerusform>%n bad blocks on the main disk have been moved to the spare.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) could not be read and will be moved when next written.</source>
        <translation>
            <numerusform>%n block could not be read and will be moved when next written.</numerusform>
            <numerusform>%n blocks could not be read and will be moved when next written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message numerus="yes">
        <source>%n block(s) moved from sectors %1 to %2.</source>
        <translation>
            <numerusform>%n block moved from sectors %1 to %2.</numerusform>
            <numerusform>%n blocks moved from sectors %1 to %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message numerus="yes">
        <source>%n new bad block(s) on the main disk were moved to the spare.</source>
        <translation>
            <numerusform>%n new bad block on the main disk was moved to the spare.</numerusform>
            <numerusform>%n new bad blocks on the main disk were moved to the spare.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) could not be read; they will be moved when written again.</source>
        <translation>
            <numerusform>%n block could not be read; it will be moved when written again.</numerusform>
            <numerusform>%n blocks could not be read; they will be moved when written again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>In total %n block(s) have been moved. Your data is safe, but the main disk is wearing out.</source>
        <translation>
            <numerusform>In total %n block has been moved. Your data is safe, but the main disk is wearing out.</numerusform>
            <numerusform>In total %n blocks have been moved. Your data is safe, but the main disk is wearing out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PairWizard</name>
    <message numerus="yes">
        <source>room for %n bad block(s)</source>
        <translation>
            <numerusform>room for %n bad block</numerusform>
            <numerusform>room for %n bad blocks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemapMapWidget</name>
    <message numerus="yes">
        <source>%n block(s) moved to the spare</source>
        <translation>
            <numerusform>%n block moved to the spare</numerusform>
            <numerusform>%n blocks moved to the spare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable block(s) waiting</source>
        <translation>
            <numerusform>%n unreadable block waiting</numerusform>
            <numerusform>%n unreadable blocks waiting</numerusform>
        </translation>
    </message>
</context>
</TS>
